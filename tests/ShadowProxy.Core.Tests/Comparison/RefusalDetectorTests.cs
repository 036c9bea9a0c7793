using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Comparison;

public sealed class RefusalDetectorTests
{
    private readonly RefusalDetector _detector = new(new PairComparerOptions());

    [Theory]
    [InlineData("I'm sorry, but I can't help with that request.")]
    [InlineData("I’m sorry, but I cannot assist with that.")]
    [InlineData("I cannot help with creating malware.")]
    [InlineData("I am unable to provide that information.")]
    [InlineData("죄송하지만, 그 요청은 도와드릴 수 없습니다.")]
    [InlineData("申し訳ありませんが、そのご要望にはお応えできません。")]
    [InlineData("抱歉，我无法帮助你完成这个请求。")]
    [InlineData("Lo siento, pero no puedo ayudar con eso.")]
    [InlineData("Je suis désolé, mais je ne peux pas vous aider avec cela.")]
    [InlineData("Es tut mir leid, aber ich kann Ihnen dabei nicht helfen.")]
    public void IsRefusalText_RefusalInSevenLanguages_Detected(string text) =>
        Assert.True(_detector.IsRefusalText(text));

    [Theory]
    [InlineData("Sure! Here is the recipe you asked for.")]
    [InlineData("Paris is the capital of France.")]
    [InlineData("Ich kann dir gerne helfen.")]
    public void IsRefusalText_OrdinaryAnswer_NotDetected(string text) =>
        Assert.False(_detector.IsRefusalText(text));

    [Fact]
    public void IsRefusalText_RefusalPhraseLateInAnswer_NotDetected()
    {
        var text = new string('x', 400) + " I'm sorry, but I can't help with that.";

        Assert.False(_detector.IsRefusalText(text));
    }

    [Fact]
    public void IsRefusal_ProviderRefusalFieldOrContentFilter_Detected()
    {
        Assert.True(_detector.IsRefusal(new NormalizedChoice { Refusal = "No." }));
        Assert.True(_detector.IsRefusal(new NormalizedChoice { Text = "partial", FinishReason = "content_filter" }));
    }

    [Fact]
    public void IsRefusalText_ExtraConfiguredPattern_Detected()
    {
        var detector = new RefusalDetector(new PairComparerOptions { ExtraRefusalPatterns = ["^Ik kan je daar niet mee helpen"] });

        Assert.True(detector.IsRefusalText("Ik kan je daar niet mee helpen."));
    }
}
