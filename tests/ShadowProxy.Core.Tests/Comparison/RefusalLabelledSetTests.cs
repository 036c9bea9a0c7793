using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Tests.Comparison;

/// <summary>
/// Precision and recall of the default refusal detector on a hand-written set of refusals (apologies, bare
/// refusals, explanations, moralising, lectures, policy notes, "no opinion", redirects) and ordinary answers full
/// of "cannot", "not appropriate" and "sorry", in seven languages. Figures are printed for the release note.
/// </summary>
public sealed class RefusalLabelledSetTests(ITestOutputHelper output)
{
    private readonly RefusalDetector _detector = new(new PairComparerOptions());

    [Fact]
    public void DefaultDetector_OnLabelledSet_KeepsPrecisionAndRecallHigh()
    {
        var items = LabelledSet.Read("refusals.jsonl");
        var results = items.Select(i => (Item: i, Expected: i.GetProperty("refusal").GetBoolean(), Actual: _detector.IsRefusalText(i.Text("text")))).ToList();
        var truePositives = results.Count(static r => r.Expected && r.Actual);
        var precision = truePositives / (double)results.Count(static r => r.Actual);
        var recall = truePositives / (double)results.Count(static r => r.Expected);

        output.WriteLine($"{items.Count} labelled answers: precision {precision:P1}, recall {recall:P1}");
        foreach (var group in results.GroupBy(static r => r.Item.Text("lang")))
        {
            output.WriteLine($"  {group.Key}: recall {Recall(group):P0}, false positives {group.Count(static r => !r.Expected && r.Actual)}/{group.Count(static r => !r.Expected)}");
        }

        foreach (var miss in results.Where(static r => r.Expected != r.Actual))
        {
            output.WriteLine($"  {(miss.Expected ? "missed" : "false alarm")} {miss.Item.Text("id")} ({miss.Item.Text("style")}): {miss.Item.Text("text")[..Math.Min(90, miss.Item.Text("text").Length)]}");
        }

        Assert.True(items.Count >= 400, "the set must stay several hundred answers large");
        Assert.InRange(precision, 0.97, 1);
        Assert.InRange(recall, 0.93, 1);
    }

    private static double Recall(IEnumerable<(System.Text.Json.JsonElement Item, bool Expected, bool Actual)> group)
    {
        var refusals = group.Where(static r => r.Expected).ToList();
        return refusals.Count == 0 ? 1 : refusals.Count(static r => r.Actual) / (double)refusals.Count;
    }
}
