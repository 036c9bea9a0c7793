using System.Security.Cryptography;
using System.Text;
using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// The categories the answer-distribution test counts. Real answers are stored as a short hash, so counts
/// shared through a store never hold completion text; the test only needs to tell labels apart.
/// </summary>
internal static class AnswerLabel
{
    public const string None = "(none)";
    public const string FreeText = "(free-text)";
    public const string Other = "(other)";

    /// <summary>Distinct labels a bucket keeps per key before the rarest fold into <see cref="Other"/>.</summary>
    public const int MaxDistinct = 32;

    public static string Of(string? answer, AnswerExtractorKind extractor) => answer switch
    {
        null => None,
        _ when extractor == AnswerExtractorKind.WholeText => FreeText,
        _ => answer,
    };

    public static string StoredKey(string label) =>
        label is None or FreeText or Other
            ? label
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)), 0, 8);
}
