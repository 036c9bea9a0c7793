using System.Text;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

/// <summary>
/// The request path's screen against the worker's full parse: the screen never refuses what the full parse would
/// accept, and refuses what it must decide before the primary answers (not one object, two models, top-level state).
/// </summary>
public sealed class RequestScreenTests
{
    public static TheoryData<string> Bodies => new()
    {
        """{"model":"gpt-4o","messages":[{"role":"user","content":"Is 7919 prime?"}]}""",
        """{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""",
        """{"model":"claude-x","max_tokens":9,"system":"be brief","messages":[{"role":"user","content":"hi"}],"tools":[{"name":"t","input_schema":{"type":"object"}}]}""",
        """{"model":"m","input":"hi","previous_response_id":"resp_1"}""",
        """{"model":"m","input":"hi","conversation":"conv_1"}""",
        """{"model":"m","prompt":{"id":"pmpt_1"}}""",
        """{"model":"m","prompt":"legacy completions prompt"}""",
        """{"model":"m","input":"write a novel","background":true}""",
        """{"model":"m","input":"hi","background":false}""",
        """{"model":"m","input":[{"role":"user","content":[{"type":"input_file","file_id":"file-1"}]}]}""",
        """{"model":"m","input":[{"type":"item_reference","id":"msg_1"}]}""",
        """{"model":"m","model":"n","messages":[]}""",
        """{"model":"m","messages":[{"role":"user","content":"a","content":"b"}]}""",
        """{"model":"m","messages":[{"role":"user","content":"\ud800"}]}""",
        """{"model":"\ud800","messages":[]}""",
        """{"\u006dodel":"m","model":"n"}""",
        """{"model":"m"} trailing""",
        """{"model":"m" """,
        """[{"model":"m"}]""",
        "\"just a string\"",
        "42",
        "",
        """{"model":"m","n":2,"temperature":0.3,"response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{"type":"object"}}}}""",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void TheScreen_NeverRefusesWhatTheFullParseAccepts(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var screen = RequestScreen.Read(bytes);
        var facts = RequestFacts.Parse(bytes);

        if (facts.IsValidJson && !facts.DependsOnProviderState)
        {
            Assert.True(screen.IsJsonObject && !screen.DependsOnProviderState, "the screen refused a body the full parse accepts");
            Assert.Equal(facts.Model, screen.Model);
        }

        if (!screen.IsJsonObject || screen.DependsOnProviderState)
        {
            Assert.True(!facts.IsValidJson || facts.DependsOnProviderState, "the screen refused a body the full parse accepts");
        }
    }

    [Theory]
    [InlineData("""{"model":"m","model":"n"}""")]
    [InlineData("""[1]""")]
    [InlineData("""{"model":"m"}{}""")]
    [InlineData("""{"model":"m",}""")]
    [InlineData("""{"model":"\udc00x"}""")]
    public void NotOneObjectWithOneModel_IsRefusedOnThePath(string body) =>
        Assert.False(RequestScreen.Read(Encoding.UTF8.GetBytes(body)).IsJsonObject);

    [Fact]
    public void InvalidUtf8_IsRefusedOnThePath() =>
        Assert.False(RequestScreen.Read([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']).IsJsonObject);

    [Theory]
    [InlineData("""{"model":"m","previous_response_id":"resp_1"}""")]
    [InlineData("""{"model":"m","background":true}""")]
    [InlineData("""{"model":"m","prompt":{"id":"pmpt_1"}}""")]
    public void TopLevelProviderState_IsSeenOnThePath(string body) =>
        Assert.True(RequestScreen.Read(Encoding.UTF8.GetBytes(body)).DependsOnProviderState);
}
