using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Yarp.Evidence;
using ShadowProxy.Yarp.Pairs.Judging;
using ShadowProxy.Yarp.Probes;
using ShadowProxy.Yarp.Shadowing.Accounting;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Dispatch;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>
/// Turns a completed pair into facts: normalizes both sides (and the noise replicate), compares them with the route's
/// profile, charges the baseline's tokens to the budget, and tells every observer.
/// </summary>
internal sealed class PairRecorder(
    PairComparer comparer,
    ComparisonProfiles profiles,
    IShadowBudget budget,
    EvidenceRedactor redactor,
    EvidenceScrubber scrubber,
    ProbeGrading probes,
    SecondOpinions secondOpinions,
    Telemetry.GenAiConventions conventions,
    IEnumerable<IPairObserver> observers) : IPairSink
{
    public async ValueTask<ShadowOutcome> AcceptAsync(CompletedPair pair, CancellationToken cancellationToken)
    {
        var exchange = pair.Exchange;
        var request = pair.Request;
        var primary = NormalizePrimary(exchange);
        var baseline = ResponseNormalizer.Normalize(pair.BaselineOperation, pair.Baseline.AsCaptured());
        if (baseline.Status != ResponseStatus.Ok)
        {
            // A baseline that answered 200 with something unreadable is a failed shadow call, not evidence of drift.
            return ShadowOutcome.BaselineError;
        }

        if (IsCutByOutputCap(exchange, request, baseline, primary))
        {
            return ShadowOutcome.BaselineCapped;
        }

        var profile = profiles.For(exchange.Policy.Options.ComparisonProfile);
        var comparison = comparer.Compare(new ComparisonInput
        {
            Request = request,
            Baseline = baseline,
            Primary = primary,
            Profile = profile,
            BaselineTimings = new SideTimings(pair.Baseline.TimeToFirstByte, pair.Baseline.Total),
            PrimaryTimings = new SideTimings(exchange.PrimaryTimeToFirstByte, exchange.PrimaryTotal),
        });
        PairComparison? noise = null;
        long tokens = baseline.Usage?.TotalTokens ?? 0;
        if (pair.Replicate is { } replicateResponse)
        {
            var replicate = ResponseNormalizer.Normalize(pair.BaselineOperation, replicateResponse.AsCaptured());
            noise = comparer.Compare(new ComparisonInput { Request = request, Baseline = baseline, Primary = replicate, Profile = profile });
            tokens += replicate.Usage?.TotalTokens ?? 0;
        }

        await budget.AddTokensAsync(exchange.Policy, tokens, cancellationToken);
        if (System.Diagnostics.Activity.Current is { } span)
        {
            // The shadow span is current here, in the worker.
            conventions.TagResponse(span, baseline);
        }

        if (exchange.Probe is { } task)
        {
            await probes.GradeAsync(task, exchange.Policy.RouteId, request.Model, primary, baseline, cancellationToken);
        }

        var capture = exchange.Policy.Options.CaptureEvidence;
        var record = new PairRecord
        {
            PairId = exchange.PairId,
            RouteId = exchange.Policy.RouteId,
            StartedAt = exchange.StartedAt,
            Operation = exchange.Operation,
            RequestedModel = request.Model,
            PinnedModel = exchange.Policy.Options.Baseline.Model!,
            Streamed = exchange.Streamed,
            PrimaryModel = primary.Model,
            BaselineModel = baseline.Model,
            PrimaryFingerprint = primary.SystemFingerprint,
            BaselineFingerprint = baseline.SystemFingerprint,
            PrimaryUsage = primary.Usage,
            BaselineUsage = baseline.Usage,
            Comparison = scrubber.Scrub(comparison, capture),
            Noise = noise is null ? null : scrubber.Scrub(noise, capture),
            PrimaryTimeToFirstByte = exchange.PrimaryTimeToFirstByte,
            BaselineTimeToFirstByte = pair.Baseline.TimeToFirstByte,
            PrimaryTotal = exchange.PrimaryTotal,
            BaselineTotal = pair.Baseline.Total,
            PrimaryFinishReason = comparison.Primary.FinishReason,
            BaselineFinishReason = comparison.Baseline.FinishReason,
            PrimaryTextHash = TextHash.Of(primary.Text),
            BaselineTextHash = TextHash.Of(baseline.Text),
        };
        if (comparison.Agreement == AnswerAgreement.NotApplicable && primary.Text.Length > 0 && baseline.Text.Length > 0)
        {
            var (agrees, cosine) = await secondOpinions.AskAsync(record.RouteId, request.PromptText, baseline.Text, primary.Text, cancellationToken);
            record = record with { JudgeAgrees = agrees, EmbeddingCosine = cosine };
        }

        if (capture)
        {
            record = record with
            {
                PromptText = redactor.Redact(request.PromptText),
                PrimaryText = redactor.Redact(primary.Text),
                BaselineText = redactor.Redact(baseline.Text),
            };
        }

        foreach (var observer in observers)
        {
            await observer.OnPairAsync(record, cancellationToken);
        }

        return ShadowOutcome.Paired;
    }

    /// <summary>
    /// The copy's output cap stopped the baseline where the primary, allowed more, went on: comparing them would
    /// report a truncation and a length change that no model made.
    /// </summary>
    private static bool IsCutByOutputCap(Shadowing.Capture.ShadowExchange exchange, RequestFacts request, NormalizedResponse baseline, NormalizedResponse primary) =>
        BaselineRequestFactory.ExceedsOutputCap(request.MaxTokens, exchange.Policy.Options.Baseline)
        && baseline.FirstChoice?.FinishReason is "length" or "max_output_tokens" or "max_tokens"
        && primary.FirstChoice?.FinishReason != baseline.FirstChoice?.FinishReason;

    private static NormalizedResponse NormalizePrimary(Shadowing.Capture.ShadowExchange exchange)
    {
        var captured = exchange.PrimaryResponse;
        try
        {
            var body = ContentDecoding.Decode(captured.Body, exchange.PrimaryContentEncoding, exchange.Policy.Options.MaxResponseCaptureBytes);
            return ResponseNormalizer.Normalize(exchange.Operation, captured with { Body = body });
        }
        catch (InvalidDataException)
        {
            return ResponseNormalizer.Normalize(exchange.Operation, captured with { Body = ReadOnlyMemory<byte>.Empty });
        }
    }
}
