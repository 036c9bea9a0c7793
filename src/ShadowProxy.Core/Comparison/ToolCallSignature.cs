using System.Text;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>Tool calls as comparable text: names with canonical JSON arguments, ids ignored (they are random).</summary>
internal static class ToolCallSignature
{
    public static string Of(IReadOnlyList<NormalizedToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var builder = new StringBuilder();
        foreach (var call in calls)
        {
            if (builder.Length > 0)
            {
                builder.Append(';');
            }

            builder.Append(call.Name).Append('(').Append(CanonicalArguments(call.Arguments)).Append(')');
        }

        return builder.ToString();
    }

    private static string CanonicalArguments(string arguments)
    {
        using var document = JsonText.TryParseStrict(arguments);
        return document is null ? arguments.Trim() : JsonCanonicalizer.Canonicalize(document.RootElement);
    }
}
