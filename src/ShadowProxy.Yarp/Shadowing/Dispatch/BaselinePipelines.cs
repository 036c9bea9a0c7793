using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// One Polly pipeline per route and policy version, kept in a Polly registry of its own: a concurrency cap, a
/// circuit breaker and a timeout. No retries: every baseline call costs money, and a lost shadow is only a missing
/// data point. Not the host's registry from DI: its keys would mix with the host's pipelines, and its telemetry
/// would log every shadow call. A reloaded policy gets a new pipeline; the old one idles until disposal.
/// </summary>
internal sealed class BaselinePipelines(TimeProvider time) : IAsyncDisposable
{
    private readonly ResiliencePipelineRegistry<string> _registry = new();

    public ResiliencePipeline<BaselineResponse> For(RoutePolicy policy, int version) =>
        _registry.GetOrAddPipeline<BaselineResponse>($"shadowproxy-baseline/{policy.RouteId}/v{version}", builder => Build(builder, policy.Options.Baseline));

    private void Build(ResiliencePipelineBuilder<BaselineResponse> builder, BaselineOptions baseline)
    {
        builder.TimeProvider = time;
        builder
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
            .AddTimeout(baseline.Timeout);
    }

    public ValueTask DisposeAsync() => _registry.DisposeAsync();
}
