using System.Text;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

public sealed class RequestFactsTests
{
    private static RequestFacts Parse(string json) => RequestFacts.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_ChatRequestWithJsonSchema_ReadsEverything()
    {
        var facts = Parse("""
            {"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"n":2,"temperature":0.2,
             "max_completion_tokens":256,
             "messages":[{"role":"system","content":"Be terse."},
                         {"role":"user","content":"Is 7 prime?"},
                         {"role":"assistant","content":"Yes."},
                         {"role":"user","content":[{"type":"text","text":"And 9?"}]}],
             "response_format":{"type":"json_schema","json_schema":{"name":"a","strict":true,
                "schema":{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}}}}
            """);

        Assert.True(facts.IsValidJson);
        Assert.Equal("gpt-4o", facts.Model);
        Assert.True(facts.Stream);
        Assert.True(facts.IncludeUsage);
        Assert.Equal(2, facts.N);
        Assert.Equal(0.2, facts.Temperature);
        Assert.Equal(256, facts.MaxTokens);
        Assert.Equal("Is 7 prime?\nAnd 9?", facts.PromptText);
        Assert.Equal(ResponseFormatKind.JsonSchema, facts.ResponseFormat);
        Assert.Contains("\"required\"", facts.JsonSchemaText, StringComparison.Ordinal);
        Assert.Equal("object", facts.JsonSchema!.Value.GetProperty("type").GetString());
        Assert.False(facts.DependsOnProviderState);
    }

    [Fact]
    public void Parse_ResponsesRequest_ReadsInputAndTextFormat()
    {
        var facts = Parse("""
            {"model":"gpt-4.1","input":[{"role":"user","content":[{"type":"input_text","text":"Summarize"}]}],
             "max_output_tokens":100,"text":{"format":{"type":"json_schema","name":"s","schema":{"type":"object"}}}}
            """);

        Assert.Equal("Summarize", facts.PromptText);
        Assert.Equal(100, facts.MaxTokens);
        Assert.Equal(ResponseFormatKind.JsonSchema, facts.ResponseFormat);
        Assert.Equal("""{"type":"object"}""", facts.JsonSchemaText);
    }

    [Theory]
    [InlineData("""{"model":"m","input":"hi","previous_response_id":"resp_1"}""")]
    [InlineData("""{"model":"m","input":"hi","conversation":"conv_1"}""")]
    [InlineData("""{"model":"m","input":[{"role":"user","content":[{"type":"input_file","file_id":"file-1"}]}]}""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"file","file":{"file_id":"file-1"}}]}]}""")]
    [InlineData("""{"model":"m","input":[{"type":"item_reference","id":"msg_1"}]}""")]
    [InlineData("""{"model":"m","input":"write a novel","background":true}""")]
    [InlineData("""{"model":"claude-x","max_tokens":9,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"file","file_id":"file_011CNha8iCJcU1wXNR6q4V8w"}}]}]}""")]
    public void Parse_ProviderStateReferences_DependsOnProviderState(string json) =>
        Assert.True(Parse(json).DependsOnProviderState);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("")]
    public void Parse_InvalidBody_ReturnsInvalidFacts(string json) => Assert.False(Parse(json).IsValidJson);

    [Fact]
    public void Parse_JsonObjectFormatAndLegacyPrompt_ReadsBoth()
    {
        var facts = Parse("""{"model":"m","prompt":"Say hi","max_tokens":5,"response_format":{"type":"json_object"}}""");

        Assert.Equal(ResponseFormatKind.JsonObject, facts.ResponseFormat);
        Assert.Equal("Say hi", facts.PromptText);
        Assert.Equal(5, facts.MaxTokens);
    }
}
