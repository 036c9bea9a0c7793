using System.Diagnostics;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;
using ShadowProxy.Gateway.Pairs;

namespace ShadowProxy.Gateway.Telemetry;

/// <summary>Exports each compared pair as metrics: agreement, per-side flags, lengths, timings, tokens and cost.</summary>
internal sealed class PairMetricsObserver(ShadowProxyInstrumentation instrumentation, ModelNameAllowList models) : IPairObserver
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
        var operation = GenAiOperations.Of(pair.Operation) ?? "chat";
        instrumentation.GenAiOperationDuration.Record(pair.PrimaryTotal.TotalSeconds, GenAiDuration(operation, pair.PrimaryModel));
        instrumentation.GenAiOperationDuration.Record(pair.BaselineTotal.TotalSeconds, GenAiDuration(operation, pair.BaselineModel));
        RecordSide(route, "primary", comparison.Primary, pair.PrimaryTimeToFirstByte, pair.PrimaryModel, pair.PrimaryUsage);
        RecordSide(route, "baseline", comparison.Baseline, pair.BaselineTimeToFirstByte, pair.BaselineModel, pair.BaselineUsage);
        if (comparison.Baseline.CostUsd is { } cost)
        {
            instrumentation.ShadowCostCounter.Add(cost, ShadowProxyInstrumentation.Tags(route));
        }

        return ValueTask.CompletedTask;
    }

    private void RecordSide(string route, string side, SideFacts facts, TimeSpan timeToFirstByte, string? model, TokenUsage? usage)
    {
        var sideTags = new TagList { { "route", route }, { "side", side } };
        foreach (var flag in ResponseFlags.Of(facts))
        {
            instrumentation.ResponseFlagsCounter.Add(1, new TagList { { "route", route }, { "side", side }, { "flag", flag } });
        }

        instrumentation.ResponseLengthHistogram.Record(facts.Chars, sideTags);
        instrumentation.TimeToFirstTokenHistogram.Record(timeToFirstByte.TotalSeconds, sideTags);
        RecordTokens(route, side, model, "input", usage?.PromptTokens);
        RecordTokens(route, side, model, "output", usage?.CompletionTokens ?? facts.OutputTokens);
    }

    private void RecordTokens(string route, string side, string? model, string type, int? tokens)
    {
        if (tokens is not { } count)
        {
            return;
        }

        instrumentation.TokensCounter.Add(count, new TagList { { "route", route }, { "side", side }, { "type", type } });
        instrumentation.GenAiTokenUsage.Record(count, GenAi(model, type));
    }

    private TagList GenAiDuration(string operation, string? model) => new()
    {
        { "gen_ai.operation.name", operation }, { "gen_ai.response.model", models.Label(model) },
    };

    private TagList GenAi(string? model, string tokenType) => new()
    {
        { "gen_ai.operation.name", "chat" }, { "gen_ai.response.model", models.Label(model) }, { "gen_ai.token.type", tokenType },
    };

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
