using System.Diagnostics;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Core.Probes;
using ShadowProxy.Yarp.Probes;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Admission;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Shadowing.Policy;
using ShadowProxy.Yarp.Shadowing.Queue;
using ShadowProxy.Yarp.Shadowing.Sampling;

namespace ShadowProxy.Yarp.Shadowing.Capture;

/// <summary>
/// The one shadowing step on the request path (YARP pipeline). Unsampled requests pay only the decision; a sampled
/// request is buffered (bounded), its response teed, and the finished exchange handed to the queue without waiting.
/// </summary>
internal sealed class ShadowCaptureMiddleware(
    RequestDelegate next,
    ShadowPolicyStore policies,
    ShadowSampler sampler,
    IShadowQueue queue,
    ShadowAccounting accounting,
    BudgetExhaustion budgetHint,
    ProbeRegistry probes,
    CaptureBudget memory,
    CpuHeadroom cpu,
    TimeProvider time)
{
    public Task InvokeAsync(HttpContext context)
    {
        var snapshot = policies.Current;
        var policy = snapshot.Find(context.GetReverseProxyFeature().Route.Config.RouteId);
        if (policy is null)
        {
            return next(context);
        }

        var probe = ClaimProbe(context.Request);
        var decision = probe is not null ? ShadowDecision.Probe : sampler.Decide(context.Request, policy);
        accounting.Decision(policy.RouteId, decision);
        if (decision == ShadowDecision.Sampled && !cpu.TryAdmit(policy.RouteId, snapshot.Options.MaxCpuUtilization))
        {
            accounting.Outcome(policy.RouteId, ShadowOutcome.DroppedCpuLimit);
            return next(context);
        }

        return decision is ShadowDecision.Sampled or ShadowDecision.Probe ? CaptureAsync(context, policy, snapshot.Version, probe) : next(context);
    }

    /// <summary>Only a value this process issued marks a probe; the header itself never reaches an upstream (GatewayTransforms).</summary>
    private ProbeTask? ClaimProbe(HttpRequest request) =>
        request.Headers.TryGetValue(ProbeRegistry.Header, out var value) ? probes.Claim(value.ToString()) : null;

    private async Task CaptureAsync(HttpContext context, RoutePolicy policy, int policyVersion, ProbeTask? probe)
    {
        if (budgetHint.IsExhausted(policy.RouteId))
        {
            accounting.Outcome(policy.RouteId, ShadowOutcome.SkippedBudget);
            await next(context);
            return;
        }

        var started = time.GetTimestamp();
        PooledCapture requestBody;
        try
        {
            requestBody = await RequestCapture.ReadAsync(context.Request, policy.Options.MaxRequestBodyBytes, memory, context.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Over the server's body limit, or the client gave up mid-upload: the request fails as it would without
            // ShadowProxy (Kestrel answers 413/400), and the sample still gets its one outcome.
            accounting.Outcome(policy.RouteId, ShadowOutcome.PrimaryFailed);
            throw;
        }

        if (requestBody.Overflowed)
        {
            accounting.Outcome(policy.RouteId, OverflowOutcome(requestBody));
            await next(context);
            return;
        }

        // A cheap screen only; the worker parses the request in full, once.
        var screen = RequestScreen.Read(requestBody.Span);
        Activity.Current?.SetTag(Telemetry.GenAiConventions.RequestModel, screen.Model);
        if (!screen.IsJsonObject || screen.DependsOnProviderState)
        {
            // The primary still gets the request untouched. A baseline copy would be meaningless: the body cannot be
            // re-targeted, or it points at provider-side state the baseline does not have.
            accounting.Outcome(policy.RouteId, screen.IsJsonObject ? ShadowOutcome.SkippedStateful : ShadowOutcome.SkippedInvalidRequest);
            await ForwardAndReleaseAsync(context, requestBody);
            return;
        }

        var clientBody = context.Response.Body;
        var tee = new ResponseTee(clientBody, new PooledCapture(policy.Options.MaxResponseCaptureBytes, memory), time);
        var target = new PrimaryTargetFeature();
        context.Features.Set(target);
        context.Response.Body = tee;
        try
        {
            await next(context);
        }
        catch
        {
            Release(requestBody, tee);
            accounting.Outcome(policy.RouteId, ShadowOutcome.PrimaryFailed);
            throw;
        }
        finally
        {
            context.Response.Body = clientBody;
        }

        Complete(context, policy, policyVersion, requestBody, tee, target, started, probe);
    }

    private void Complete(HttpContext context, RoutePolicy policy, int policyVersion, PooledCapture requestBody, ResponseTee tee, PrimaryTargetFeature target, long started, ProbeTask? probe)
    {
        // Only an answer the primary gave successfully is mirrored: a rejected key, a rate limit or an outage says
        // nothing about the model, and mirroring it would spend the baseline's key on the client's failures.
        var relativeTarget = target.RequestUri is { } sent && target.DestinationPrefix is { } prefix ? BaselineTarget.RelativeToPrefix(sent, prefix) : null;
        var cutShort = (context.GetForwarderErrorFeature() is not null || context.RequestAborted.IsCancellationRequested) && !EndedBeforeCut(context.Response, tee);
        var outcome = cutShort ? ShadowOutcome.PrimaryFailed
            : ShadowOutcomes.ForPrimaryStatus(context.Response.StatusCode) is { } statusOutcome ? statusOutcome
            : tee.Capture.Overflowed ? OverflowOutcome(tee.Capture)
            : relativeTarget is null ? ShadowOutcome.SkippedInvalidRequest
            : (ShadowOutcome?)null;
        if (outcome is { } early)
        {
            Release(requestBody, tee);
            accounting.Outcome(policy.RouteId, early);
            return;
        }

        var exchange = ShadowExchangeFactory.Create(context, policy, policyVersion, relativeTarget!, requestBody, tee, started, time, sampler.WantsNoiseReplicate(policy), probe);
        if (!queue.TryEnqueue(exchange))
        {
            exchange.Dispose();
            accounting.Outcome(policy.RouteId, ShadowOutcome.DroppedQueueFull);
        }
    }

    /// <summary>
    /// A client (the openai npm SDK, LangChain) that closes the connection after a stream's terminal event has had
    /// the whole answer; only the upstream's end of body, which carries nothing, did not pass through.
    /// </summary>
    private static bool EndedBeforeCut(HttpResponse response, ResponseTee tee) =>
        response.StatusCode is >= 200 and < 300
        && response.ContentType?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true
        && !tee.Capture.Overflowed
        && StreamTerminal.Reached(tee.Capture.Span);

    private async Task ForwardAndReleaseAsync(HttpContext context, PooledCapture requestBody)
    {
        try
        {
            await next(context);
        }
        finally
        {
            requestBody.Dispose();
        }
    }

    private static ShadowOutcome OverflowOutcome(PooledCapture capture) =>
        capture.OverBudget ? ShadowOutcome.DroppedMemoryLimit : ShadowOutcome.CaptureTruncated;

    private static void Release(PooledCapture requestBody, ResponseTee tee)
    {
        requestBody.Dispose();
        tee.Capture.Dispose();
    }
}
