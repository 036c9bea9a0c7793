using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Comparison;

/// <summary>
/// Zero-configuration answer reading on a hand-written set: prompts with lettered options in many layouts,
/// yes/no questions, closed label sets named in words, numeric questions and free text, with responses that
/// restate letters, option texts, or pick nothing. Auto must choose the right extractor and read the right answer.
/// </summary>
public sealed class AnswerFormatLabelledSetTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, AnswerExtractorKind[]> ExpectedKinds = new()
    {
        ["multiple_choice"] = [AnswerExtractorKind.MultipleChoice],
        ["yes_no"] = [AnswerExtractorKind.BracketLabel],
        ["closed_label"] = [AnswerExtractorKind.BracketLabel],
        ["number"] = [AnswerExtractorKind.FinalNumber, AnswerExtractorKind.AnswerColon],
        ["free_text"] = [AnswerExtractorKind.WholeText],
    };

    [Fact]
    public void AutoExtractor_OnLabelledSet_DetectsFormatAndReadsAnswer()
    {
        var items = LabelledSet.Read("answer-formats.jsonl");
        var results = items.Select(Judge).ToList();
        foreach (var format in results.GroupBy(static r => r.Format))
        {
            output.WriteLine($"{format.Key}: {format.Count()} prompts, format detected {Share(format, static r => r.KindRight):P1}, answer read {Share(format, static r => r.AnswerRight):P1}");
        }

        foreach (var wrong in results.Where(static r => !r.KindRight || !r.AnswerRight))
        {
            output.WriteLine($"  {wrong.Id}: {wrong.Kind} read '{wrong.Actual}', expected '{wrong.Expected}'");
        }

        var choices = results.Where(static r => r.Format == "multiple_choice").ToList();
        Assert.True(choices.Count >= 100, "the set must keep at least 100 multiple-choice prompts");
        Assert.InRange(Share(choices, static r => r.KindRight), 0.97, 1);
        Assert.InRange(Share(choices, static r => r.AnswerRight), 0.93, 1);
        Assert.InRange(Share(results, static r => r.KindRight && r.AnswerRight), 0.9, 1);
    }

    private static Result Judge(System.Text.Json.JsonElement item)
    {
        var format = item.Text("format");
        var prompt = item.Text("prompt");
        var response = item.Text("response");
        var expected = item.GetProperty("expected").GetString()?.ToLowerInvariant();
        var extractor = AnswerExtractorSelector.Select(ComparisonProfile.Auto, new RequestFacts { PromptText = prompt }, response, response);
        var actual = extractor.Extract(response);
        var answerRight = format == "free_text" || string.Equals(actual, expected, StringComparison.Ordinal);
        return new Result(item.Text("id"), format, extractor.Kind, ExpectedKinds[format].Contains(extractor.Kind), answerRight, expected, actual);
    }

    private static double Share(IEnumerable<Result> results, Func<Result, bool> predicate)
    {
        var list = results.ToList();
        return list.Count(predicate) / (double)list.Count;
    }

    private sealed record Result(string Id, string Format, AnswerExtractorKind Kind, bool KindRight, bool AnswerRight, string? Expected, string? Actual);
}
