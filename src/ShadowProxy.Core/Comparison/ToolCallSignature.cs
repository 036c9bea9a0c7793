using System.Text;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Tool calls as comparable text: names with canonical JSON arguments, ids ignored (they are random), calls
/// sorted so that parallel calls made in another order read the same.
/// </summary>
internal static class ToolCallSignature
{
    public static string Of(IReadOnlyList<NormalizedToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (calls.Count == 1)
        {
            return One(calls[0]);
        }

        return string.Join(';', calls.Select(One).Order(StringComparer.Ordinal));
    }

    private static string One(NormalizedToolCall call) =>
        new StringBuilder(call.Name).Append('(').Append(CanonicalArguments(call.Arguments)).Append(')').ToString();

    private static string CanonicalArguments(string arguments)
    {
        using var document = JsonText.TryParseStrict(arguments);
        return document is null ? arguments.Trim() : JsonCanonicalizer.Canonicalize(document.RootElement);
    }
}
