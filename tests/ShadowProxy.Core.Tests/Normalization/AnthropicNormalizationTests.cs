using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

/// <summary>Anthropic Messages bodies and streams, written by hand in the shapes Anthropic's API reference documents.</summary>
public sealed class AnthropicNormalizationTests
{
    private const string MessageJson = """
        {
          "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
          "type": "message",
          "role": "assistant",
          "model": "claude-sonnet-4-5-20250929",
          "content": [
            { "type": "thinking", "thinking": "7919 has no divisor up to 88.", "signature": "EqQBCgIYAhIM" },
            { "type": "text", "text": "Yes, 7919 is prime. " },
            { "type": "text", "text": "[Yes]" }
          ],
          "stop_reason": "end_turn",
          "stop_sequence": null,
          "usage": { "input_tokens": 21, "cache_creation_input_tokens": 4, "cache_read_input_tokens": 5, "output_tokens": 12 }
        }
        """;

    private const string ToolUseJson = """
        {
          "id": "msg_01Aq9w938a90dw8q",
          "type": "message",
          "role": "assistant",
          "model": "claude-sonnet-4-5-20250929",
          "content": [
            { "type": "text", "text": "I'll check the weather." },
            { "type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": { "location": "San Francisco, CA", "unit": "celsius" } }
          ],
          "stop_reason": "tool_use",
          "stop_sequence": null,
          "usage": { "input_tokens": 472, "output_tokens": 89 }
        }
        """;

    private const string TextStream = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Check divisors."}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

        event: ping
        data: {"type": "ping"}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hello"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"!"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":15}}

        event: message_stop
        data: {"type":"message_stop"}


        """;

    private const string ToolStream = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","stop_sequence":null,"usage":{"input_tokens":472,"output_tokens":2},"content":[],"stop_reason":null}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check."}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"location\":"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \"San Francisco, CA\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: content_block_start
        data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_02","name":"get_time","input":{}}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":2}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

        event: message_stop
        data: {"type":"message_stop"}


        """;

    [Fact]
    public void Message_TextBlocksAreTheAnswer_ThinkingIsKeptApart_CachedInputCounts()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Json(MessageJson));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal("Yes, 7919 is prime. [Yes]", response.Text);
        Assert.Equal("7919 has no divisor up to 88.", response.FirstChoice!.Reasoning);
        Assert.Equal("stop", response.FirstChoice.FinishReason);
        Assert.Equal("claude-sonnet-4-5-20250929", response.Model);
        Assert.Equal(new TokenUsage { PromptTokens = 30, CompletionTokens = 12, TotalTokens = 42 }, response.Usage);
    }

    [Fact]
    public void Message_ToolUse_IsAToolCallWithItsInputAsArguments()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Json(ToolUseJson));

        var call = Assert.Single(response.FirstChoice!.ToolCalls);
        Assert.Equal("toolu_01A09q90qw90lq917835lq9", call.Id);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("""{ "location": "San Francisco, CA", "unit": "celsius" }""", call.Arguments);
        Assert.Equal("tool_calls", response.FirstChoice.FinishReason);
        Assert.Equal("I'll check the weather.", response.Text);
    }

    [Fact]
    public void Message_WithUnknownPath_IsRecognizedByItsShape()
    {
        Assert.Equal("Yes, 7919 is prime. [Yes]", ResponseNormalizer.Normalize(OperationKind.Other, Captures.Json(MessageJson)).Text);
        Assert.Equal("Hello!", ResponseNormalizer.Normalize(OperationKind.Other, Captures.Sse(TextStream)).Text);
    }

    [Fact]
    public void Stream_TextDeltasJoin_ThinkingApart_StopReasonAndUsageFromMessageDelta()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Sse(TextStream));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal("Hello!", response.Text);
        Assert.Equal("Check divisors.", response.FirstChoice!.Reasoning);
        Assert.Equal("length", response.FirstChoice.FinishReason);
        Assert.Equal(new TokenUsage { PromptTokens = 25, CompletionTokens = 15, TotalTokens = 40 }, response.Usage);
        Assert.Equal("claude-sonnet-4-5-20250929", response.Model);
    }

    [Fact]
    public void Stream_InputJsonDeltas_AssembleTheToolArguments_AndAToolWithoutInputGetsAnEmptyObject()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Sse(ToolStream));

        var calls = response.FirstChoice!.ToolCalls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather", """{"location": "San Francisco, CA"}"""), (calls[0].Id, calls[0].Name, calls[0].Arguments));
        Assert.Equal(("get_time", "{}"), (calls[1].Name, calls[1].Arguments));
        Assert.Equal("tool_calls", response.FirstChoice.FinishReason);
        Assert.Equal("Let me check.", response.Text);
    }

    [Fact]
    public void Stream_WithoutMessageStop_IsCutOff()
    {
        var cut = TextStream[..TextStream.IndexOf("event: message_stop", StringComparison.Ordinal)];

        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Sse(cut));

        Assert.Equal(ResponseStatus.Unparseable, response.Status);
        Assert.Equal(NormalizedResponse.StreamCutOffReason, response.Reason);
    }

    [Fact]
    public void Stream_ErrorEvent_IsTheProvidersError()
    {
        const string stream = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","usage":{"input_tokens":5,"output_tokens":1}}}

            event: error
            data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Sse(stream));

        Assert.True(response.Status == ResponseStatus.ProviderError, response.Reason);
        Assert.Equal("overloaded_error", response.Error!.Type);
    }

    [Fact]
    public void ErrorBody_IsReadFromAnthropicsShape()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Json(
            """{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}""", 429));

        Assert.Equal(ResponseStatus.ProviderError, response.Status);
        Assert.Equal("rate_limit_error", response.Error!.Type);
    }

    [Theory]
    [InlineData("refusal", "I can't help with that.", "content_filter")]
    [InlineData("stop_sequence", null, "stop")]
    [InlineData("pause_turn", null, "pause_turn")]
    public void StopReasons_MapOntoTheChatVocabulary_ARefusalIsARefusal(string stopReason, string? refusal, string finish)
    {
        var json = $$$"""{"type":"message","role":"assistant","model":"claude-x","content":[{"type":"text","text":"I can't help with that."}],"stop_reason":"{{{stopReason}}}","usage":{"input_tokens":1,"output_tokens":1}}""";

        var choice = ResponseNormalizer.Normalize(OperationKind.Messages, Captures.Json(json)).FirstChoice!;

        Assert.Equal(finish, choice.FinishReason);
        Assert.Equal(refusal, choice.Refusal);
    }
}
