using System.Text.Json;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// The field of a JSON answer that holds the verdict — <c>answer</c>, <c>label</c>, <c>category</c> and the
/// like — so two JSON answers compare by what they decided, not by a reworded explanation beside it.
/// </summary>
internal static class JsonAnswerField
{
    private static readonly string[] Names =
        ["answer", "final_answer", "label", "category", "classification", "class", "choice", "decision", "verdict", "sentiment", "result"];

    /// <summary>A path such as <c>$.label</c> when the object has a scalar answer-like field; null otherwise.</summary>
    public static string? Find(string text)
    {
        using var document = JsonText.TryParseLenient(text);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        foreach (var name in Names)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)
                    && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    return "$." + property.Name;
                }
            }
        }

        return null;
    }
}
