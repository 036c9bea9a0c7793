using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ShadowProxy.Gateway.Shadowing.Policy;

namespace ShadowProxy.Gateway.Shadowing.Dispatch;

/// <summary>
/// One Polly pipeline per route and policy version: a concurrency cap, a circuit breaker and a timeout. No retries:
/// every baseline call costs money, and a lost shadow is only a missing data point.
/// </summary>
internal sealed class BaselinePipelines(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (int Version, ResiliencePipeline<BaselineResponse> Pipeline)> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<BaselineResponse> For(RoutePolicy policy, int version)
    {
        if (_pipelines.TryGetValue(policy.RouteId, out var cached) && cached.Version == version)
        {
            return cached.Pipeline;
        }

        var pipeline = Build(policy.Options.Baseline);
        _pipelines[policy.RouteId] = (version, pipeline);
        return pipeline;
    }

    private ResiliencePipeline<BaselineResponse> Build(BaselineOptions baseline) =>
        new ResiliencePipelineBuilder<BaselineResponse> { TimeProvider = time }
            .AddConcurrencyLimiter(baseline.MaxConcurrency, queueLimit: baseline.MaxConcurrency * 4)
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<BaselineResponse>
            {
                FailureRatio = baseline.BreakFailureRatio,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = new PredicateBuilder<BaselineResponse>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.CountsAsFailure),
            })
            .AddTimeout(baseline.Timeout)
            .Build();
}
