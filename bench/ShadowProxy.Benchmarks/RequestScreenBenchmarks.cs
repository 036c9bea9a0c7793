using System.Text;
using BenchmarkDotNet.Attributes;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Benchmarks;

/// <summary>
/// What a sampled request's body costs on the request path: the full parse the path used to make
/// (<see cref="RequestFacts"/>: document, prompt text, schema clone) against the screen it makes now
/// (<see cref="RequestScreen"/>: one reader pass). Bodies: a short chat, a 64 KB prompt, and 200 messages (~1 MB).
/// </summary>
[MemoryDiagnoser]
public class RequestScreenBenchmarks
{
    private byte[] _body = [];

    [Params("chat-300B", "prompt-64KB", "messages-1MB")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        static string Message(string text) => $$"""{"role":"user","content":"{{text}}"}""";
        var messages = Body switch
        {
            "chat-300B" => [Message("Is 7919 a prime number? Think step by step and then answer [Yes] or [No].")],
            "prompt-64KB" => [Message(new string('x', 64 * 1024))],
            _ => Enumerable.Range(0, 200).Select(i => Message($"turn {i}: " + new string('y', 5 * 1024))).ToArray(),
        };
        const string format = "\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"a\",\"schema\":{\"type\":\"object\"}}}";
        _body = Encoding.UTF8.GetBytes($$"""{"model":"gpt-4o","stream":true,"messages":[{{string.Join(',', messages)}}],{{format}}}""");
    }

    [Benchmark(Baseline = true)]
    public bool FullParse() => RequestFacts.Parse(_body).IsValidJson;

    [Benchmark]
    public bool Screen() => RequestScreen.Read(_body).IsJsonObject;
}
