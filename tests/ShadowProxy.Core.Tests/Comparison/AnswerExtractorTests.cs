using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Comparison;

public sealed class AnswerExtractorTests
{
    [Theory]
    [InlineData("[No]\n\nStep 1 ... so it is prime.\n\n[Yes]", "yes")]
    [InlineData("Let me think. The answer is [No].", "no")]
    [InlineData("No", "no")]
    [InlineData("Yes.", "yes")]
    [InlineData("[Yes] It has no divisors other than 1 and itself", "no")]
    [InlineData("Nothing decisive here; knowledge is not enough", null)]
    public void BracketLabel_WithPromptLabels_TakesLastMentionedLabel(string text, string? expected)
    {
        var extractor = new BracketLabelExtractor(PromptAnswerFormat.LabelSet("Is 7 prime? Answer \"[Yes]\" or \"[No]\"."));

        Assert.Equal(expected, extractor.Extract(text));
    }

    [Theory]
    [InlineData("I think [B] then on reflection [C].", "c")]
    [InlineData("See [the docs](http://x) for more.", null)]
    [InlineData("no brackets", null)]
    public void BracketLabel_WithoutPromptLabels_TakesLastBracketedLabel(string text, string? expected) =>
        Assert.Equal(expected, new BracketLabelExtractor([]).Extract(text));

    [Theory]
    [InlineData("Answer \"[Yes]\" or \"[No]\".", new[] { "yes", "no" })]
    [InlineData("Reply with [A], [B], [C] or [D]", new[] { "a", "b", "c", "d" })]
    [InlineData("Input: [3,4], [3,4,3]", new string[0])]
    [InlineData("No labels here", new string[0])]
    public void LabelSet_Prompt_FindsOfferedLabels(string prompt, string[] expected) =>
        Assert.Equal(expected, PromptAnswerFormat.LabelSet(prompt));

    [Theory]
    [InlineData(@"so \boxed{3} then \boxed{\frac{1}{2}}", @"\frac{1}{2}")]
    [InlineData(@"\boxed{ 42 }.", "42")]
    [InlineData(@"\boxed{unclosed", null)]
    public void Boxed_Text_TakesLastBalancedBox(string text, string? expected) =>
        Assert.Equal(expected, BoxedAnswerExtractor.Instance.Extract(text));

    [Theory]
    [InlineData("Between (A) and (C), the best is (C).", "c")]
    [InlineData("The answer is B because...", "b")]
    [InlineData("Answer: **D**", "d")]
    [InlineData("none", null)]
    public void MultipleChoice_Text_TakesLastLetter(string text, string? expected) =>
        Assert.Equal(expected, MultipleChoiceExtractor.Instance.Extract(text));

    [Theory]
    [InlineData("Work...\nAnswer: Paris.", "paris")]
    [InlineData("Answer: 1\nFinal answer: **Lyon**", "lyon")]
    [InlineData("no colon", null)]
    public void AnswerColon_Text_TakesLastAnswerLine(string text, string? expected) =>
        Assert.Equal(expected, AnswerColonExtractor.Instance.Extract(text));

    [Theory]
    [InlineData("3 apples and 4 pears make 7.", "7")]
    [InlineData("Total: 1,234.50", "1234.5")]
    [InlineData("It is -3.", "-3")]
    [InlineData("none", null)]
    public void FinalNumber_Text_TakesLastNumber(string text, string? expected) =>
        Assert.Equal(expected, FinalNumberExtractor.Instance.Extract(text));

    [Theory]
    [InlineData("$.answer", """{"answer":"Yes "}""", "yes")]
    [InlineData("result.items[1].id", """{"result":{"items":[{"id":1},{"id":2}]}}""", "2")]
    [InlineData("$.obj", "```json\n{\"obj\":{\"b\":1,\"a\":2}}\n```", """{"a":2,"b":1}""")]
    [InlineData("$.missing", """{"answer":1}""", null)]
    [InlineData("$.answer", "not json", null)]
    public void JsonPath_Text_ReadsValueAtPath(string path, string text, string? expected) =>
        Assert.Equal(expected, new JsonPathExtractor(path).Extract(text));

    [Theory]
    [InlineData("  The   Answer is\nParis!! ", "the answer is\nparis")]
    [InlineData("{\"b\": 1, \"a\": [1, 2]}", """{"a":[1,2],"b":1}""")]
    [InlineData("   ", null)]
    [InlineData("{\"n\": 1.0, \"m\": 2.5e0, \"k\": -0}", """{"k":0,"m":2.5,"n":1}""")]
    [InlineData("{\"huge\": 1e400}", """{"huge":1e400}""")]
    public void WholeText_Text_NormalizesOrCanonicalizes(string text, string? expected) =>
        Assert.Equal(expected?.Replace("\n", " ", StringComparison.Ordinal), WholeTextExtractor.Instance.Extract(text));

    [Theory]
    [InlineData("Is 7 prime? Answer [Yes] or [No].", "", "BracketLabel")]
    [InlineData("Put the final answer in \\boxed{}.", "", "Boxed")]
    [InlineData("Which? (A) red (B) blue", "", "MultipleChoice")]
    [InlineData("End with 'Answer: <city>'", "", "AnswerColon")]
    [InlineData("How many legs do 3 spiders have?", "They have 24", "FinalNumber")]
    [InlineData("How many ways? Write code.", "```python\nreturn n\n```", "WholeText")]
    [InlineData("Write a poem", "", "WholeText")]
    public void Select_AutoProfile_PicksExtractorFromPrompt(string prompt, string baseline, string expected)
    {
        var request = new RequestFacts { PromptText = prompt };

        var extractor = AnswerExtractorSelector.Select(ComparisonProfile.Auto, request, baseline, string.Empty);

        Assert.Equal(Enum.Parse<AnswerExtractorKind>(expected), extractor.Kind);
    }

    [Fact]
    public void Select_AutoWithJsonResponseFormat_UsesWholeCanonicalText()
    {
        var request = new RequestFacts { PromptText = "Answer [Yes] or [No]", ResponseFormat = ResponseFormatKind.JsonObject };

        Assert.Equal(AnswerExtractorKind.WholeText, AnswerExtractorSelector.Select(ComparisonProfile.Auto, request, "", "").Kind);
    }

    [Fact]
    public void Select_AutoWithConfiguredPath_UsesJsonPath()
    {
        var profile = new ComparisonProfile { Name = "p", JsonPath = "$.a" };

        Assert.Equal(AnswerExtractorKind.JsonPath, AnswerExtractorSelector.Select(profile, RequestFacts.Empty, "", "").Kind);
    }
}
