using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ShadowProxy.Core.Exchanges;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// A captured chat-completions SSE stream as OpenAI sends it: a role chunk, 200 content chunks of a few
/// tokens each, a finish chunk, a usage chunk and [DONE] — parsed into one normalized response.
/// </summary>
[MemoryDiagnoser]
public class ChatStreamNormalizationBenchmarks
{
    private const int ContentChunks = 200;
    private CapturedResponse _stream = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] pieces = [" the", " service", " retries", " with", " backoff", ",", " and", " jitter", ".", "\n\n- item", " **bold**", " `code`"];
        var body = new StringBuilder();
        AppendChunk(body, """{"role":"assistant","content":""}""", "null");
        for (var i = 0; i < ContentChunks; i++)
        {
            var content = JsonSerializer.Serialize(pieces[i % pieces.Length] + pieces[(i * 7) % pieces.Length]);
            AppendChunk(body, $$"""{"content":{{content}}}""", "null");
        }

        AppendChunk(body, "{}", "\"stop\"");
        body.Append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-2024-08-06\",")
            .Append("\"system_fingerprint\":\"fp_bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":52,\"completion_tokens\":")
            .Append(ContentChunks.ToString(CultureInfo.InvariantCulture)).Append(",\"total_tokens\":252}}\n\n")
            .Append("data: [DONE]\n\n");
        _stream = new CapturedResponse(200, "text/event-stream; charset=utf-8", Encoding.UTF8.GetBytes(body.ToString()), Truncated: false);
    }

    [Benchmark]
    public object Normalize200ChunkStream() => ResponseNormalizer.Normalize(OperationKind.ChatCompletions, _stream);

    private static void AppendChunk(StringBuilder body, string delta, string finishReason) =>
        body.Append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
            .Append("\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,\"delta\":")
            .Append(delta).Append(",\"logprobs\":null,\"finish_reason\":").Append(finishReason).Append("}]}\n\n");
}
