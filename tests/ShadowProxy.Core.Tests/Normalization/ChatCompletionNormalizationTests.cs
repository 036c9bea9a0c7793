using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

public sealed class ChatCompletionNormalizationTests
{
    private const string ChatJson = """
        {
          "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
          "object": "chat.completion",
          "created": 1741570283,
          "model": "gpt-4o-2024-08-06",
          "choices": [
            {
              "index": 0,
              "message": { "role": "assistant", "content": "The capital of France is Paris.", "refusal": null, "annotations": [] },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": { "prompt_tokens": 14, "completion_tokens": 8, "total_tokens": 22,
                     "prompt_tokens_details": { "cached_tokens": 0 } },
          "service_tier": "default",
          "system_fingerprint": "fp_fc9f1d7035"
        }
        """;

    private const string RefusalJson = """
        {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I'm sorry, I can't help with that."},"finish_reason":"stop"}]}
        """;

    private const string ToolCallJson = """
        {"id":"chatcmpl-2","object":"chat.completion","model":"gpt-4o",
         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
           {"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
           "finish_reason":"tool_calls"}]}
        """;

    [Fact]
    public void Normalize_ChatJson_ReadsTextUsageModelAndFingerprint()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json(ChatJson));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal("The capital of France is Paris.", response.Text);
        Assert.Equal("stop", response.FirstChoice!.FinishReason);
        Assert.Null(response.FirstChoice.Refusal);
        Assert.Equal(new TokenUsage { PromptTokens = 14, CompletionTokens = 8, TotalTokens = 22 }, response.Usage);
        Assert.Equal("gpt-4o-2024-08-06", response.Model);
        Assert.Equal("fp_fc9f1d7035", response.SystemFingerprint);
    }

    [Fact]
    public void Normalize_ChatRefusal_KeepsRefusalSeparateFromText()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json(RefusalJson));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal(string.Empty, response.Text);
        Assert.Equal("I'm sorry, I can't help with that.", response.FirstChoice!.Refusal);
    }

    [Fact]
    public void Normalize_ChatToolCall_ReadsNameAndArguments()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json(ToolCallJson));

        var call = Assert.Single(response.FirstChoice!.ToolCalls);
        Assert.Equal("call_abc", call.Id);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("""{"city":"Paris"}""", call.Arguments);
        Assert.Equal("tool_calls", response.FirstChoice.FinishReason);
    }

    [Fact]
    public void Normalize_LegacyCompletionJson_ReadsChoiceText()
    {
        const string body = """
            {"id":"cmpl-1","object":"text_completion","model":"gpt-3.5-turbo-instruct",
             "choices":[{"text":"\n\nThis is a test.","index":0,"logprobs":null,"finish_reason":"length"}],
             "usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}
            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Completions, Captures.Json(body));

        Assert.Equal("\n\nThis is a test.", response.Text);
        Assert.Equal("length", response.FirstChoice!.FinishReason);
        Assert.Equal(7, response.Usage!.CompletionTokens);
    }

    [Fact]
    public void Normalize_UnknownPathWithChatBody_SniffsChat()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.Other, Captures.Json(ChatJson));

        Assert.Equal("The capital of France is Paris.", response.Text);
    }

    [Fact]
    public void Normalize_ContentParts_ConcatenatesTextParts()
    {
        const string body = """
            {"choices":[{"index":0,"message":{"role":"assistant","content":[{"type":"text","text":"Hello, "},{"type":"text","text":"world"}]},"finish_reason":"stop"}]}
            """;

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json(body));

        Assert.Equal("Hello, world", response.Text);
    }
}
