using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Replay;

/// <summary>
/// Replays recorded answers through the live comparer: rows of the baseline and primary model are paired
/// by id (first row per id wins), each answer becomes a finished chat completion, and the pairs are
/// aggregated into a <see cref="ReplayReport"/>.
/// </summary>
internal sealed class ReplayRunner(PairComparer comparer)
{
    private const int ProgressEvery = 50;

    public ReplayReport Run(IEnumerable<ReplayRecord> records, ReplayOptions options, IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var (pairs, unpaired) = ReplayPairing.Pair(records, options.Baseline, options.Primary);
        var outcomes = new List<ReplayPairOutcome>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcomes.Add(Compare(pairs[i].Baseline, pairs[i].Primary, options.Profile));
            if ((i + 1) % ProgressEvery == 0 || i + 1 == pairs.Count)
            {
                progress?.Report(new ReplayProgress(i + 1, pairs.Count));
            }
        }

        return new ReplayReport
        {
            Baseline = options.Baseline,
            Primary = options.Primary,
            Pairs = outcomes.Count,
            UnpairedRecords = unpaired,
            Profile = options.Profile.Name,
            Metrics = ReplayMetricsCalculator.Compute(outcomes, options),
        };
    }

    private ReplayPairOutcome Compare(ReplayRecord baseline, ReplayRecord primary, ComparisonProfile profile)
    {
        var request = new RequestFacts { IsValidJson = true, Model = primary.Model, PromptText = baseline.Query };
        var comparison = comparer.Compare(new ComparisonInput
        {
            Request = request,
            Baseline = SyntheticResponse(baseline),
            Primary = SyntheticResponse(primary),
            BaselineTimings = Timings(baseline),
            PrimaryTimings = Timings(primary),
            Profile = profile,
        });

        var reference = ReferenceAnswer(baseline.RefAnswer ?? primary.RefAnswer, request, baseline, primary, profile);
        return new ReplayPairOutcome(
            comparison,
            reference is null ? null : comparison.Baseline.Answer == reference,
            reference is null ? null : comparison.Primary.Answer == reference,
            baseline.LatencySeconds,
            primary.LatencySeconds);
    }

    /// <summary>The reference goes through the pair's own extractor, so "[Yes]", "Yes" and "yes" all read as "yes".</summary>
    private static string? ReferenceAnswer(string? reference, RequestFacts request, ReplayRecord baseline, ReplayRecord primary, ComparisonProfile profile)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var extractor = AnswerExtractorSelector.Select(profile, request, baseline.Answer, primary.Answer);
        return extractor.Extract(reference) ?? AnswerText.Normalize(reference);
    }

    private static NormalizedResponse SyntheticResponse(ReplayRecord record) => new()
    {
        Status = ResponseStatus.Ok,
        Model = record.Model,
        Choices = [new NormalizedChoice { Index = 0, Text = record.Answer, FinishReason = "stop" }],
    };

    private static SideTimings? Timings(ReplayRecord record) =>
        record.LatencySeconds is { } seconds && double.IsFinite(seconds) && seconds >= 0
            ? new SideTimings(null, TimeSpan.FromSeconds(seconds))
            : null;
}
