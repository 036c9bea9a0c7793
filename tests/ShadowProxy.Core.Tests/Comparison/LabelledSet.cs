using System.Text.Json;

namespace ShadowProxy.Core.Tests.Comparison;

/// <summary>Reads a hand-labelled JSONL set copied beside the test assembly (see Comparison/Labelled/).</summary>
internal static class LabelledSet
{
    public static IReadOnlyList<JsonElement> Read(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Comparison", "Labelled", fileName);
        return [.. File.ReadLines(path).Where(static l => l.Length > 0).Select(static l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    public static string Text(this JsonElement item, string property) => item.GetProperty(property).GetString()!;
}
