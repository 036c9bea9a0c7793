using System.ClientModel;
using System.Text;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using ShadowProxy.Gateway.Tests.Infrastructure;

namespace ShadowProxy.Gateway.Tests.Clients;

/// <summary>The official OpenAI .NET SDK works through the gateway with nothing changed but its endpoint.</summary>
public sealed class OpenAiDotNetClientTests
{
    private const string Question = "Is 7919 a prime number? Think step by step and then answer [Yes] or [No].";

    [Fact]
    public async Task ChatCompletion_Plain_ReturnsTheUpstreamAnswer()
    {
        await using var setup = await SimulatedGateway.StartAsync();
        var chat = new ChatClient("gpt-4o", new ApiKeyCredential("sk-dotnet-test"), new OpenAIClientOptions { Endpoint = setup.OpenAiBaseUrl });

        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(Question)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(setup.Primary.Profile.Model, completion.Model);
        Assert.Matches(@"\[(Yes|No)\]$", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.OutputTokenCount > 0);
        var received = Assert.Single(setup.Primary.Journal.Entries);
        Assert.Equal("Bearer sk-dotnet-test", received.Headers["Authorization"]);
    }

    [Fact]
    public async Task ChatCompletion_Streaming_AssemblesAllChunks()
    {
        await using var setup = await SimulatedGateway.StartAsync();
        var chat = new ChatClient("gpt-4o", new ApiKeyCredential("sk-dotnet-test"), new OpenAIClientOptions { Endpoint = setup.OpenAiBaseUrl });
        var text = new StringBuilder();
        var updates = 0;
        ChatTokenUsage? usage = null;

        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage(Question)], new ChatCompletionOptions(), TestContext.Current.CancellationToken))
        {
            updates++;
            usage ??= update.Usage;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.True(updates > 3, $"expected many stream updates, got {updates}");
        Assert.Matches(@"\[(Yes|No)\]$", text.ToString());
        Assert.NotNull(usage);
        Assert.Equal(updates - 2, usage.OutputTokenCount);
    }

    [Fact]
    public async Task Embeddings_ReturnVectors()
    {
        await using var setup = await SimulatedGateway.StartAsync();
        var embeddings = new EmbeddingClient("text-embedding-3-small", new ApiKeyCredential("sk-dotnet-test"), new OpenAIClientOptions { Endpoint = setup.OpenAiBaseUrl });

        OpenAIEmbedding embedding = await embeddings.GenerateEmbeddingAsync("hello", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(64, embedding.ToFloats().Length);
    }
}
