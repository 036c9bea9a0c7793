using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

public sealed class ResponsesNormalizationTests
{
    private const string ResponseJson = """
        {
          "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
          "object": "response",
          "created_at": 1741476542,
          "status": "completed",
          "error": null,
          "incomplete_details": null,
          "model": "gpt-4.1-2025-04-14",
          "output": [
            { "type": "reasoning", "id": "rs_1", "summary": [] },
            {
              "type": "message",
              "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b",
              "status": "completed",
              "role": "assistant",
              "content": [
                { "type": "output_text", "text": "In a peaceful grove beneath a silver moon, ", "annotations": [] },
                { "type": "output_text", "text": "a unicorn named Lumina discovered a hidden pool.", "annotations": [] }
              ]
            }
          ],
          "usage": { "input_tokens": 36, "input_tokens_details": { "cached_tokens": 0 },
                     "output_tokens": 87, "output_tokens_details": { "reasoning_tokens": 0 }, "total_tokens": 123 }
        }
        """;

    [Fact]
    public void Normalize_ResponsesJson_ReadsOutputTextAndUsage()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Responses, Captures.Json(ResponseJson));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal("In a peaceful grove beneath a silver moon, a unicorn named Lumina discovered a hidden pool.", response.Text);
        Assert.Equal("stop", response.FirstChoice!.FinishReason);
        Assert.Equal(new TokenUsage { PromptTokens = 36, CompletionTokens = 87, TotalTokens = 123 }, response.Usage);
        Assert.Equal("gpt-4.1-2025-04-14", response.Model);
    }

    [Fact]
    public void Normalize_ResponsesRefusalAndFunctionCall_ReadsBoth()
    {
        const string body = """
            {"object":"response","status":"completed","model":"gpt-4o","output":[
              {"type":"message","role":"assistant","content":[{"type":"refusal","refusal":"I can't help with that."}]},
              {"type":"function_call","id":"fc_1","call_id":"call_9","name":"lookup","arguments":"{\"q\":1}","status":"completed"}]}
            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Responses, Captures.Json(body));

        Assert.Equal("I can't help with that.", response.FirstChoice!.Refusal);
        var call = Assert.Single(response.FirstChoice.ToolCalls);
        Assert.Equal(("call_9", "lookup", """{"q":1}"""), (call.Id, call.Name, call.Arguments));
        Assert.Equal("tool_calls", response.FirstChoice.FinishReason);
    }

    [Fact]
    public void Normalize_IncompleteResponse_FinishReasonIsIncompleteReason()
    {
        const string body = """
            {"object":"response","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},
             "output":[{"type":"message","content":[{"type":"output_text","text":"Partial"}]}]}
            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Responses, Captures.Json(body));

        Assert.Equal("max_output_tokens", response.FirstChoice!.FinishReason);
    }

    [Fact]
    public void Normalize_ResponsesStream_ReassemblesDeltasAndUsage()
    {
        const string stream = """
            event: response.created
            data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","model":"gpt-4.1","output":[]}}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi"}

            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":5,"item_id":"msg_1","output_index":0,"content_index":0,"delta":" there"}

            event: response.completed
            data: {"type":"response.completed","sequence_number":9,"response":{"id":"resp_1","object":"response","status":"completed","model":"gpt-4.1","output":[],"usage":{"input_tokens":5,"output_tokens":2,"total_tokens":7}}}


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Responses, Captures.Sse(stream));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal("Hi there", response.Text);
        Assert.Equal("stop", response.FirstChoice!.FinishReason);
        Assert.Equal(2, response.Usage!.CompletionTokens);
        Assert.Equal("gpt-4.1", response.Model);
    }

    [Fact]
    public void Normalize_ResponsesStreamRefusalDelta_ReadsRefusal()
    {
        const string stream = """
            event: response.refusal.delta
            data: {"type":"response.refusal.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"I can't do that."}

            event: response.completed
            data: {"type":"response.completed","response":{"object":"response","status":"completed","output":[]}}


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Other, Captures.Sse(stream));

        Assert.Equal("I can't do that.", response.FirstChoice!.Refusal);
    }

    [Fact]
    public void Normalize_ResponsesStreamWithoutCompletedEvent_IsCutOff()
    {
        const string stream = """
            event: response.output_text.delta
            data: {"type":"response.output_text.delta","output_index":0,"delta":"Hi"}


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Responses, Captures.Sse(stream));

        Assert.Equal(ResponseStatus.Unparseable, response.Status);
        Assert.Equal(NormalizedResponse.StreamCutOffReason, response.Reason);
    }

    [Fact]
    public void Normalize_ResponsesStreamFunctionCall_MergesArguments()
    {
        const string stream = """
            event: response.output_item.added
            data: {"type":"response.output_item.added","output_index":0,"item":{"type":"function_call","id":"fc_1","call_id":"call_1","name":"get_weather","arguments":""}}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","output_index":0,"item_id":"fc_1","delta":"{\"city\":"}

            event: response.function_call_arguments.delta
            data: {"type":"response.function_call_arguments.delta","output_index":0,"item_id":"fc_1","delta":"\"Oslo\"}"}

            event: response.completed
            data: {"type":"response.completed","response":{"object":"response","status":"completed","output":[]}}


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Responses, Captures.Sse(stream));

        var call = Assert.Single(response.FirstChoice!.ToolCalls);
        Assert.Equal(("call_1", "get_weather", """{"city":"Oslo"}"""), (call.Id, call.Name, call.Arguments));
    }
}
