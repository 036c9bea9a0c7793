using System.Text;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Tests.Normalization;

public sealed class EdgeCaseNormalizationTests
{
    [Fact]
    public void Normalize_EmbeddingsJson_ReadsVectors()
    {
        const string body = """
            {"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292,0.015797347]}],
             "model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}
            """;

        var response = ResponseNormalizer.Normalize(OperationKind.Embeddings, Captures.Json(body));

        Assert.Equal(ResponseStatus.Ok, response.Status);
        Assert.Equal([0.0023064255f, -0.009327292f, 0.015797347f], Assert.Single(response.Embeddings));
        Assert.Equal(8, response.Usage!.PromptTokens);
    }

    [Fact]
    public void Normalize_Base64Embeddings_DecodesFloats()
    {
        var floats = new[] { 1.5f, -2f };
        var base64 = Convert.ToBase64String(floats.SelectMany(BitConverter.GetBytes).ToArray());
        var body = $$"""{"object":"list","data":[{"index":0,"embedding":"{{base64}}"}]}""";

        var response = ResponseNormalizer.Normalize(OperationKind.Other, Captures.Json(body));

        Assert.Equal(floats, Assert.Single(response.Embeddings));
    }

    [Fact]
    public void Normalize_ErrorBody_IsProviderErrorWithDetails()
    {
        const string body = """
            {"error":{"message":"Rate limit reached for gpt-4o","type":"requests","param":null,"code":"rate_limit_exceeded"}}
            """;

        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json(body, status: 429));

        Assert.Equal(ResponseStatus.ProviderError, response.Status);
        Assert.Equal(new ProviderErrorDetail { Type = "requests", Code = "rate_limit_exceeded", Message = "Rate limit reached for gpt-4o" }, response.Error);
    }

    [Fact]
    public void Normalize_NonJsonErrorStatus_IsProviderErrorWithStatusCode()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json("<html>Bad Gateway</html>", status: 502));

        Assert.Equal(ResponseStatus.ProviderError, response.Status);
        Assert.Equal("502", response.Error!.Code);
    }

    [Theory]
    [InlineData("\u0000\u0001garbage\u00ff")]
    [InlineData("{\"choices\":[{\"index\":0,\"message\":{\"content\":\"cut")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    [InlineData("{\"id\":\"x\"}")]
    public void Normalize_MalformedBody_IsUnparseableWithReason(string body)
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Json(body));

        Assert.Equal(ResponseStatus.Unparseable, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Reason));
    }

    [Fact]
    public void Normalize_RandomBytes_NeverThrows()
    {
        var random = new Random(42);
        var bytes = new byte[512];
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(bytes);
            var captured = new CapturedResponse(200, i % 2 == 0 ? "text/event-stream" : "application/json", bytes.ToArray(), false);
            foreach (var op in Enum.GetValues<OperationKind>())
            {
                Assert.NotNull(ResponseNormalizer.Normalize(op, captured));
            }
        }
    }

    [Fact]
    public void Normalize_SseWithGarbageData_IsUnparseable()
    {
        var response = ResponseNormalizer.Normalize(OperationKind.ChatCompletions, Captures.Sse("data: {not json\n\n"));

        Assert.Equal(ResponseStatus.Unparseable, response.Status);
    }

    [Fact]
    public void Normalize_SseWithoutContentType_IsDetectedFromBody()
    {
        var body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        var captured = new CapturedResponse(200, null, Encoding.UTF8.GetBytes(body), false);

        Assert.Equal("ok", ResponseNormalizer.Normalize(OperationKind.ChatCompletions, captured).Text);
    }
}
