using Microsoft.Extensions.Options;
using OpenAI.Embeddings;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Yarp.Pairs.Judging;

/// <summary>Cosine similarity of the two answers' embeddings (official OpenAI .NET SDK), sampled and capped.</summary>
internal sealed class EmbeddingJudge
{
    private readonly OpinionGate _gate;
    private readonly EmbeddingClient? _client;

    public EmbeddingJudge(IOptions<ComparisonOptions> options, SamplingRandom random, TimeProvider time)
    {
        _gate = new OpinionGate(options.Value.Embeddings, random, time);
        _client = _gate.ClientOptions is { } settings ? new EmbeddingClient(_gate.Model, _gate.Credential, settings) : null;
    }

    public async Task<double?> CosineAsync(string baseline, string primary, CancellationToken cancellationToken)
    {
        if (_client is null || !_gate.ShouldAsk())
        {
            return null;
        }

        OpenAIEmbeddingCollection vectors = await _client.GenerateEmbeddingsAsync([baseline, primary], cancellationToken: cancellationToken);
        return Cosine(vectors[0].ToFloats().Span, vectors[1].ToFloats().Span);
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
