using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Core.Tests.Exchanges;

public sealed class OperationKindsTests
{
    [Theory]
    [InlineData("/v1/chat/completions", "ChatCompletions")]
    [InlineData("/openai/v1/chat/completions/", "ChatCompletions")]
    [InlineData("/openai/deployments/gpt4/chat/completions?api-version=2024-10-21", "ChatCompletions")]
    [InlineData("/v1/completions", "Completions")]
    [InlineData("/v1/responses", "Responses")]
    [InlineData("/proxy/v1/embeddings", "Embeddings")]
    [InlineData("/v1/messages", "Messages")]
    [InlineData("/anthropic/v1/messages?beta=true", "Messages")]
    [InlineData("/v1/messages/count_tokens", "Other")]
    [InlineData("/v1/messages/batches", "Other")]
    [InlineData("/v1/threads/thread_abc123/messages", "Other")]
    [InlineData("/v1/models", "Other")]
    [InlineData("", "Other")]
    public void FromPath_KnownAndPrefixedPaths_MapsToOperation(string path, string expected) =>
        Assert.Equal(Enum.Parse<OperationKind>(expected), OperationKinds.FromPath(path));
}
