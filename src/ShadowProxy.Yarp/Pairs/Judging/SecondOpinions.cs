using System.ClientModel;
using System.Diagnostics;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Pairs.Judging;

/// <summary>
/// For free-text pairs (no extractable answer to compare), asks the optional LLM judge and embedding model for a
/// second opinion. Failures only cost the opinion: they are logged and counted, never passed on.
/// </summary>
internal sealed partial class SecondOpinions(LlmJudge judge, EmbeddingJudge embeddings, ShadowProxyInstrumentation instrumentation, ILogger<SecondOpinions> logger)
{
    public async Task<(bool? JudgeAgrees, double? Cosine)> AskAsync(string route, string question, string baseline, string primary, CancellationToken cancellationToken)
    {
        bool? agrees = null;
        double? cosine = null;
        try
        {
            agrees = await judge.AgreeAsync(question, baseline, primary, cancellationToken);
            if (agrees is { } verdict)
            {
                instrumentation.JudgeVerdictsCounter.Add(1, new TagList { { "route", route }, { "result", verdict ? "agree" : "disagree" } });
            }
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or OperationCanceledException)
        {
            instrumentation.JudgeVerdictsCounter.Add(1, new TagList { { "route", route }, { "result", "error" } });
            LogFailed(logger, "judge", route, e.GetType().Name);
        }

        try
        {
            cosine = await embeddings.CosineAsync(baseline, primary, cancellationToken);
            if (cosine is { } value)
            {
                instrumentation.EmbeddingSimilarityHistogram.Record(value, ShadowProxyInstrumentation.Tags(route));
            }
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or OperationCanceledException)
        {
            LogFailed(logger, "embeddings", route, e.GetType().Name);
        }

        return (agrees, cosine);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Second opinion from the {Kind} endpoint failed for route {Route}: {Error}")]
    private static partial void LogFailed(ILogger logger, string kind, string route, string error);
}
