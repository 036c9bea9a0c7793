using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

public sealed class ChatStreamNormalizationTests
{
    private const string TextStream = """
        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":" there!"},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","system_fingerprint":"fp_1","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}

        data: [DONE]


        """;

    private const string ToolCallStream = """
        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]},"finish_reason":null}]}

        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{\"tz\":"}}]},"finish_reason":null}]}

        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Paris\"}"}}]},"finish_reason":null}]}

        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\"CET\"}"}}]},"finish_reason":null}]}

        data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

        data: [DONE]


        """;

    [Fact]
    public void Normalize_ChatStreamWithUsageChunk_ReassemblesTextAndUsage()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(TextStream));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal("Hello there!", response.Text);
        Assert.Equal("stop", response.FirstChoice!.FinishReason);
        Assert.Equal(3, response.Usage!.CompletionTokens);
        Assert.Equal(12, response.Usage.TotalTokens);
        Assert.Equal("gpt-4o-mini", response.Model);
        Assert.Equal("fp_1", response.SystemFingerprint);
    }

    [Fact]
    public void Normalize_ChatStreamToolCallFragments_MergesByIndex()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(ToolCallStream));

        var calls = response.FirstChoice!.ToolCalls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(new NormalizedToolCall { Id = "call_1", Name = "get_weather", Arguments = """{"city":"Paris"}""" }, calls[0]);
        Assert.Equal(new NormalizedToolCall { Id = "call_2", Name = "get_time", Arguments = """{"tz":"CET"}""" }, calls[1]);
        Assert.Equal("tool_calls", response.FirstChoice.FinishReason);
    }

    [Fact]
    public void Normalize_ChatStreamRefusalDeltas_ConcatenatesRefusal()
    {
        const string stream = """
            data: {"choices":[{"index":0,"delta":{"role":"assistant","refusal":"I'm sorry, "},"finish_reason":null}]}

            data: {"choices":[{"index":0,"delta":{"refusal":"I can't assist with that."},"finish_reason":null}]}

            data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: [DONE]


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(stream));

        Assert.Equal("I'm sorry, I can't assist with that.", response.FirstChoice!.Refusal);
    }

    [Fact]
    public void Normalize_ChatStreamWithTwoChoices_KeepsChoicesApart()
    {
        const string stream = """
            data: {"choices":[{"index":1,"delta":{"content":"B1"},"finish_reason":null},{"index":0,"delta":{"content":"A1"},"finish_reason":null}]}

            data: {"choices":[{"index":0,"delta":{"content":"A2"},"finish_reason":"stop"}]}

            data: {"choices":[{"index":1,"delta":{"content":"B2"},"finish_reason":"length"}]}

            data: [DONE]


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(stream));

        Assert.Equal(["A1A2", "B1B2"], response.Choices.Select(c => c.Text));
        Assert.Equal(["stop", "length"], response.Choices.Select(c => c.FinishReason));
    }

    [Fact]
    public void Normalize_CutOffChatStream_IsUnparseableWithPartialText()
    {
        var cut = TextStream[..TextStream.IndexOf("{}", StringComparison.Ordinal)];

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(cut, truncated: true));

        Assert.Equal(ResponseStatus.Unparseable, response.Status);
        Assert.Equal(NormalizedResponse.StreamCutOffReason, response.Reason);
        Assert.Equal("Hello there!", response.Text);
        Assert.True(response.CaptureTruncated);
    }

    [Fact]
    public void Normalize_StreamWithFinishReasonButNoDone_IsComplete()
    {
        var withoutDone = TextStream.Replace("data: [DONE]", string.Empty, StringComparison.Ordinal);

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(withoutDone));

        Assert.Equal(ResponseStatus.Ok, response.Status);
    }

    [Fact]
    public void Normalize_LegacyCompletionStream_ReassemblesText()
    {
        const string stream = """
            data: {"id":"cmpl-1","object":"text_completion","model":"gpt-3.5-turbo-instruct","choices":[{"text":"Once","index":0,"finish_reason":null}]}

            data: {"id":"cmpl-1","object":"text_completion","model":"gpt-3.5-turbo-instruct","choices":[{"text":" upon","index":0,"finish_reason":"stop"}]}

            data: [DONE]


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Completions, Captures.Sse(stream));

        Assert.Equal("Once upon", response.Text);
        Assert.Equal("gpt-3.5-turbo-instruct", response.Model);
    }

    [Fact]
    public void Normalize_ErrorEventInStream_IsProviderError()
    {
        const string stream = """
            data: {"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

            data: {"error":{"message":"The server had an error","type":"server_error","code":null}}


            """;

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse(stream));

        Assert.True(response.Status == ResponseStatus.ProviderError, response.Reason);
        Assert.Equal("server_error", response.Error!.Type);
    }
}
