using System.Diagnostics;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Queue;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// Background workers: take exchanges off the queue, call the route's baseline in the primary's mode, and give each
/// sampled request exactly one outcome. Nothing here can reach the client: the primary response is long gone.
/// </summary>
internal sealed partial class BaselineDispatcher(
    IShadowQueue queue,
    ShadowPolicyStore policies,
    BaselineClient client,
    BaselinePipelines pipelines,
    IShadowBudget budget,
    BudgetExhaustion budgetHint,
    IPairSink sink,
    IPairLedger ledger,
    ShadowAccounting accounting,
    ShadowProxyInstrumentation instrumentation,
    GenAiConventions conventions,
    TimeProvider time,
    ILogger<BaselineDispatcher> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();
    private LowPriorityTaskScheduler? _lowPriority;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = policies.Current.Options;
        if (options.WorkerPriority == WorkerPriority.Lowest)
        {
            _lowPriority = new LowPriorityTaskScheduler(Math.Max(1, Environment.ProcessorCount));
        }

        // With Lowest, the batch loop and every job live on the lowest-priority threads: awaits resume there, so a job
        // starts only when such a thread gets to run (the CPU has room beyond the proxied traffic) and runs there whole.
        return _lowPriority is null
            ? Task.Run(() => RunBatchesAsync(options.Workers, stoppingToken), CancellationToken.None)
            : Task.Factory.StartNew(() => RunBatchesAsync(options.Workers, stoppingToken), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _lowPriority).Unwrap();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _abandon.CancelAfter(policies.Current.Options.ShutdownGrace);
        await base.StopAsync(cancellationToken);

        // Exchanges still queued will never be compared in this process: give each its one outcome.
        while (queue.TryDequeue(out var leftover))
        {
            using (leftover)
            {
                accounting.Outcome(leftover.Policy.RouteId, ShadowOutcome.DroppedShutdown);
            }
        }
    }

    public override void Dispose()
    {
        _lowPriority?.Dispose();
        _abandon.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Processes the exchange; its outcome counts only when this delivery wins the pair id in the ledger. One bad
    /// exchange never takes a worker down: an unexpected failure is logged and settled as a baseline error, unless
    /// the shared ledger is unavailable too, in which case the job stays pending for a retry.
    /// </summary>
    internal async Task<(PairClaim Claim, ShadowOutcome Outcome)> SettleAsync(ShadowExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessAsync(exchange, cancellationToken);
        }
#pragma warning disable CA1031 // The worker loop is the last line of defence; the failure is logged and counted.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSettleFailed(logger, exchange.Policy.RouteId, exchange.PairId, e);
            return (await ledger.TrySettleAsync(exchange.PairId, CancellationToken.None), ShadowOutcome.BaselineError);
        }
    }

    private async Task<(PairClaim Claim, ShadowOutcome Outcome)> ProcessAsync(ShadowExchange exchange, CancellationToken cancellationToken)
    {
        var policy = exchange.Policy;
        // The one full parse of the request; the request path only screened it.
        var request = RequestFacts.Parse(exchange.RequestBody.Memory);
        if (!request.IsValidJson || request.DependsOnProviderState)
        {
            var skipped = request.IsValidJson ? ShadowOutcome.SkippedStateful : ShadowOutcome.SkippedInvalidRequest;
            return (await ledger.TrySettleAsync(exchange.PairId, cancellationToken), skipped);
        }

        // The copy is built once, before any budget is spent, and sent for the pair and its replicate alike.
        BaselineRequest prepared;
        try
        {
            prepared = BaselineRequestFactory.Prepare(exchange);
        }
        catch (Translation.UntranslatableRequestException e)
        {
            LogUntranslatable(logger, policy.RouteId, policy.Options.Baseline.Provider, e.Message);
            return (await ledger.TrySettleAsync(exchange.PairId, cancellationToken), ShadowOutcome.SkippedUntranslatable);
        }
        catch (BaselineTargetException)
        {
            return (await ledger.TrySettleAsync(exchange.PairId, cancellationToken), ShadowOutcome.SkippedInvalidRequest);
        }

        if (!await budget.TryAcquireAsync(policy, cancellationToken))
        {
            budgetHint.MarkExhausted(policy.RouteId);
            return (await ledger.TrySettleAsync(exchange.PairId, cancellationToken), ShadowOutcome.SkippedBudget);
        }

        var operation = GenAiConventions.OperationNameOf(exchange.Operation) ?? "chat";
        var provider = GenAiConventions.ProviderName(policy.BaselineAddress, prepared.Operation, exchange.BaselinePathAndQuery);
        using var activity = StartActivity(exchange, operation, provider);
        var pipeline = pipelines.For(policy, exchange.PolicyVersion);
        var started = time.GetTimestamp();
        var (outcome, baseline) = await CallAsync(exchange, prepared, pipeline, cancellationToken);
        using (baseline)
        {
            activity?.SetTag("shadowproxy.outcome", outcome.Name());
            if (outcome != ShadowOutcome.Paired)
            {
                activity?.SetTag(GenAiConventions.ErrorType, outcome.Name());
                activity?.SetStatus(ActivityStatusCode.Error);
                if (outcome is ShadowOutcome.BaselineError or ShadowOutcome.BaselineTimeout)
                {
                    // A call that was made and failed is timed here with its error.type; a paired one with its pair.
                    // An open circuit or a full concurrency queue made no call, so has no duration.
                    instrumentation.GenAiOperationDuration.Record(time.GetElapsedTime(started).TotalSeconds, GenAiConventions.DurationTags(
                        operation, provider, "baseline", policy.Options.Baseline.Model, ModelNameAllowList.Other, outcome.Name()));
                }

                return (await ledger.TrySettleAsync(exchange.PairId, cancellationToken), outcome);
            }

            var (_, replicate) = exchange.WantsNoiseReplicate ? await CallAsync(exchange, prepared, pipeline, cancellationToken) : default;
            using (replicate)
            {
                // Settle before recording: a second delivery of this pair must neither count nor record it again.
                var claim = await ledger.TrySettleAsync(exchange.PairId, cancellationToken);
                return claim != PairClaim.Won ? (claim, outcome)
                    : (claim, await sink.AcceptAsync(new CompletedPair(exchange, request, prepared.Operation, baseline!, replicate), cancellationToken));
            }
        }
    }

    private async Task<(ShadowOutcome Outcome, BaselineResponse? Response)> CallAsync(
        ShadowExchange exchange, BaselineRequest request, Polly.ResiliencePipeline<BaselineResponse> pipeline, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.CallAsync(request, exchange.Policy.Options.MaxResponseCaptureBytes, pipeline, cancellationToken);
            var outcome = !response.IsSuccess ? ShadowOutcome.BaselineError
                : response.Body.OverBudget ? ShadowOutcome.DroppedMemoryLimit
                : response.Body.Overflowed ? ShadowOutcome.CaptureTruncated
                : ShadowOutcome.Paired;
            if (outcome != ShadowOutcome.Paired)
            {
                response.Dispose();
                return (outcome, null);
            }

            return (outcome, response);
        }
        catch (TimeoutRejectedException)
        {
            return (ShadowOutcome.BaselineTimeout, null);
        }
        catch (BrokenCircuitException)
        {
            return (ShadowOutcome.CircuitOpen, null);
        }
        catch (RateLimiterRejectedException)
        {
            return (ShadowOutcome.DroppedConcurrency, null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or FormatException or System.Text.Json.JsonException or OperationCanceledException)
        {
            LogBaselineFailed(logger, exchange.Policy.RouteId, exchange.PairId, e);
            return (ShadowOutcome.BaselineError, null);
        }
    }

    /// <summary>The baseline call's inference span, in its own trace and linked to the primary's (never its parent).</summary>
    private Activity? StartActivity(ShadowExchange exchange, string operation, string provider)
    {
        var links = exchange.PrimaryActivity == default ? null : new[] { new ActivityLink(exchange.PrimaryActivity) };
        var model = exchange.Policy.Options.Baseline.Model;
        var activity = instrumentation.ActivitySource.StartActivity(GenAiConventions.SpanName(operation, model), ActivityKind.Client, default(ActivityContext), links: links);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("shadowproxy.route", exchange.Policy.RouteId);
        activity.SetTag("shadowproxy.pair_id", exchange.PairId);
        activity.SetTag(GenAiConventions.OperationName, operation);
        activity.SetTag(GenAiConventions.RequestModel, model);
        activity.SetTag("server.address", exchange.Policy.BaselineAddress.Host);
        activity.SetTag("server.port", exchange.Policy.BaselineAddress.Port);
        conventions.TagProvider(activity, provider);
        return activity;
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Route {Route}: request not translatable for its {Provider} baseline ({Reason})")]
    private static partial void LogUntranslatable(ILogger logger, string route, string provider, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Baseline call for route {Route} pair {PairId} failed")]
    private static partial void LogBaselineFailed(ILogger logger, string route, string pairId, Exception error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Shadow job for route {Route} pair {PairId} failed unexpectedly; settled as a baseline error unless the ledger is unavailable")]
    private static partial void LogSettleFailed(ILogger logger, string route, string pairId, Exception error);
}
