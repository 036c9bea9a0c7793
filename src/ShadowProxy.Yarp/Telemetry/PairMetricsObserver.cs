using System.Diagnostics;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Yarp.Pairs;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>Exports each compared pair as metrics: agreement, per-side flags, lengths, timings, tokens and cost.</summary>
internal sealed class PairMetricsObserver(
    ShadowProxyInstrumentation instrumentation, ModelNameAllowList models, Shadowing.Policy.ShadowPolicyStore policies) : IPairObserver
{
    public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        var comparison = pair.Comparison;
        var route = pair.RouteId;
        instrumentation.PairsCounter.Add(1, new TagList
        {
            { "route", route }, { "primary_model", models.Label(pair.PrimaryModel) }, { "baseline_model", models.Label(pair.BaselineModel) },
        });
        instrumentation.AnswerAgreementCounter.Add(1, new TagList { { "route", route }, { "result", AgreementLabels.Of(comparison.Agreement) } });
        if (comparison.LengthLogRatio is { } ratio)
        {
            instrumentation.LengthLogRatioHistogram.Record(ratio, ShadowProxyInstrumentation.Tags(route));
        }

        RecordSimilarity(route, "free_text", comparison.FreeTextSimilarity, pair.Noise?.FreeTextSimilarity);
        RecordSimilarity(route, "embedding", comparison.EmbeddingCosine, pair.Noise?.EmbeddingCosine);
        var operation = GenAiConventions.OperationNameOf(pair.Operation) ?? "chat";
        // The pair keeps no upstream address: the primary's provider is known from its wire format, the baseline's
        // from its configured address and wire format.
        var primary = new GenAiSide("primary", operation, GenAiConventions.ProviderName(null, pair.Operation, null), models.Label(pair.RequestedModel), models.Label(pair.PrimaryModel));
        var baseline = new GenAiSide("baseline", operation, BaselineProvider(pair), models.Label(pair.PinnedModel), models.Label(pair.BaselineModel));
        instrumentation.GenAiOperationDuration.Record(pair.PrimaryTotal.TotalSeconds, primary.DurationTags());
        instrumentation.GenAiOperationDuration.Record(pair.BaselineTotal.TotalSeconds, baseline.DurationTags());
        RecordSide(route, primary, comparison.Primary, pair.PrimaryTimeToFirstByte, pair.PrimaryUsage);
        RecordSide(route, baseline, comparison.Baseline, pair.BaselineTimeToFirstByte, pair.BaselineUsage);
        if (comparison.Baseline.CostUsd is { } cost)
        {
            instrumentation.ShadowCostCounter.Add(cost, ShadowProxyInstrumentation.Tags(route));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A recorded pair's baseline spoke its route's wire format (`Baseline:Provider`), so it had a counterpart.</summary>
    private string BaselineProvider(PairRecord pair) =>
        policies.Current.Find(pair.RouteId) is { } policy
            ? GenAiConventions.ProviderName(policy.BaselineAddress, Shadowing.Translation.BaselineWire.OperationFor(pair.Operation, policy.Options.Baseline.Provider), null)
            : GenAiConventions.ProviderName(null, pair.Operation, null);

    private void RecordSide(string route, GenAiSide genAi, SideFacts facts, TimeSpan timeToFirstByte, TokenUsage? usage)
    {
        var side = genAi.Side;
        var sideTags = new TagList { { "route", route }, { "side", side } };
        foreach (var flag in ResponseFlags.Of(facts))
        {
            instrumentation.ResponseFlagsCounter.Add(1, new TagList { { "route", route }, { "side", side }, { "flag", flag } });
        }

        instrumentation.ResponseLengthHistogram.Record(facts.Chars, sideTags);
        instrumentation.TimeToFirstTokenHistogram.Record(timeToFirstByte.TotalSeconds, sideTags);
        RecordTokens(route, genAi, "input", usage?.PromptTokens);
        RecordTokens(route, genAi, "output", usage?.CompletionTokens ?? facts.OutputTokens);
    }

    private void RecordTokens(string route, GenAiSide genAi, string type, int? tokens)
    {
        if (tokens is not { } count)
        {
            return;
        }

        instrumentation.TokensCounter.Add(count, new TagList { { "route", route }, { "side", genAi.Side }, { "type", type } });
        instrumentation.GenAiTokenUsage.Record(count, GenAiConventions.TokenTags(genAi.Operation, genAi.Provider, genAi.Side, genAi.ResponseModel, type));
    }

    /// <summary>
    /// One side of a pair as the GenAI metrics describe it; the request model (the app's, or the pinned one) is a
    /// label only through the allow-list, since a client can name any model it likes.
    /// </summary>
    private sealed record GenAiSide(string Side, string Operation, string Provider, string? RequestModel, string ResponseModel)
    {
        public TagList DurationTags() => GenAiConventions.DurationTags(Operation, Provider, Side, RequestModel, ResponseModel, errorType: null);
    }

    /// <summary>Both distributions the similarity drift test compares, so a dashboard can draw the gap between them.</summary>
    private void RecordSimilarity(string route, string kind, double? primary, double? replicate)
    {
        if (primary is { } p)
        {
            instrumentation.AnswerSimilarityHistogram.Record(p, new TagList { { "route", route }, { "kind", kind }, { "pair", "primary" } });
        }

        if (replicate is { } r)
        {
            instrumentation.AnswerSimilarityHistogram.Record(r, new TagList { { "route", route }, { "kind", kind }, { "pair", "replicate" } });
        }
    }
}
