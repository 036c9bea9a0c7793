using System.Text;
using System.Text.Json;

namespace ShadowProxy.Simulator.Tests;

internal static class SimulatorClient
{
    public static string ChatBody(string prompt, bool stream = false, int? maxTokens = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["model"] = "gpt-4",
            ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = prompt } },
            ["stream"] = stream,
            ["max_tokens"] = maxTokens,
        });

    public static async Task<(int Status, string Body)> PostAsync(Uri baseUri, string path, string body)
    {
        using var client = new HttpClient { BaseAddress = baseUri };
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static string ContentOf(string chatCompletionJson)
    {
        using var document = JsonDocument.Parse(chatCompletionJson);
        return document.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
    }
}
