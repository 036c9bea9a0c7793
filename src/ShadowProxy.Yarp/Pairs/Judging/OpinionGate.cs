using System.ClientModel;
using OpenAI;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Yarp.Pairs.Judging;

/// <summary>
/// What the judge and the embedding model share: whether they are configured, the SDK settings for their own
/// endpoint and key, and the sampling and per-minute cap that keep paid second opinions bounded.
/// </summary>
internal sealed class OpinionGate(JudgeOptions options, SamplingRandom random, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _minute = -1;
    private int _used;

    public string Model => options.Model;

    public ApiKeyCredential Credential { get; } = new(options.ApiKey);

    /// <summary>Null when the opinion is not configured.</summary>
    public OpenAIClientOptions? ClientOptions { get; } = options is { Enabled: true, Endpoint: { } endpoint }
        ? new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = options.Timeout }
        : null;

    /// <summary>Sampled, and within this minute's allowance.</summary>
    public bool ShouldAsk()
    {
        if (random.NextDouble() >= options.SampleRate)
        {
            return false;
        }

        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (_gate)
        {
            if (minute != _minute)
            {
                _minute = minute;
                _used = 0;
            }

            return _used < options.MaxPerMinute && ++_used > 0;
        }
    }
}
