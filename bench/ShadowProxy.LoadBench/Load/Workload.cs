using System.Text;
using System.Text.Json;

namespace ShadowProxy.LoadBench.Load;

/// <summary>A chat completion request body the load sends again and again.</summary>
internal sealed record Workload(string Name, byte[] Body, bool Stream)
{
    public static Workload Small { get; } = Chat("small", "Say hello in five words.", stream: false);

    public static Workload Prompt8K { get; } = Chat("prompt-8k", Filler(8 * 1024), stream: false);

    public static Workload Prompt256K { get; } = Chat("prompt-256k", Filler(256 * 1024), stream: false);

    public static Workload Prompt1M { get; } = Chat("prompt-1m", Filler(1024 * 1024), stream: false);

    public static Workload Streamed { get; } = Chat("stream", "Suggest a name for a coffee shop.", stream: true);

    public static Workload Chat(string name, string prompt, bool stream)
    {
        var body = new Dictionary<string, object>
        {
            ["model"] = "gpt-sim-instant",
            ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = prompt } },
            ["max_tokens"] = 256,
        };
        if (stream)
        {
            body["stream"] = true;
            body["stream_options"] = new Dictionary<string, bool> { ["include_usage"] = true };
        }

        return new Workload(name, JsonSerializer.SerializeToUtf8Bytes(body), stream);
    }

    /// <summary>Document-like text of about the given size, as long prompts are: pasted context plus a question.</summary>
    private static string Filler(int bytes)
    {
        const string Sentence = "The quarterly report lists revenue, costs and headcount for each region in a table. ";
        var text = new StringBuilder(bytes + 64);
        while (text.Length < bytes)
        {
            text.Append(Sentence);
        }

        return text.Append("Summarise the table above in one sentence.").ToString();
    }
}
