using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Replay;

/// <summary>
/// Turns replayed pairs into report metrics with the fixed-sample counterparts of the live drift streams: paired
/// flags use McNemar (live: discordant pairs), length uses the sign test (live: signs of the length ratio), answer
/// mismatch an exact one-sided binomial test against the assumed noise floor (live: against the measured one).
/// Latency, which the live monitor does not test, uses Wilcoxon signed-rank. All p-values are then
/// Benjamini–Hochberg adjusted together.
/// </summary>
internal static class ReplayMetricsCalculator
{
    public static IReadOnlyList<ReplayMetric> Compute(IReadOnlyList<ReplayPairOutcome> outcomes, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = new List<ReplayMetric>();
        var judged = outcomes.Where(static o => o.BaselineCorrect is not null && o.PrimaryCorrect is not null).ToList();
        if (judged.Count > 0)
        {
            metrics.Add(PairedRate("accuracy", judged, static o => o.BaselineCorrect == true, static o => o.PrimaryCorrect == true));
        }

        var comparable = outcomes.Where(static o => o.Comparison.Agreement != AnswerAgreement.NotApplicable).ToList();
        metrics.Add(Mismatch(comparable, options.MismatchNoiseFloor));
        metrics.Add(PairedRate("no_answer_rate", comparable, static o => !o.Comparison.Baseline.AnswerExtracted, static o => !o.Comparison.Primary.AnswerExtracted));
        metrics.Add(PairedMean("mean_length_chars", outcomes, static o => o.Comparison.Baseline.Chars, static o => o.Comparison.Primary.Chars, LengthSigns));
        metrics.Add(PairedRate("refusal_rate", outcomes, static o => o.Comparison.Baseline.Refusal, static o => o.Comparison.Primary.Refusal));
        metrics.Add(PairedRate("code_fence_rate", outcomes, static o => o.Comparison.Baseline.CodeFenced, static o => o.Comparison.Primary.CodeFenced));

        var jsonJudged = outcomes.Where(static o => o.Comparison.Baseline.JsonValid is not null && o.Comparison.Primary.JsonValid is not null).ToList();
        if (jsonJudged.Count > 0)
        {
            metrics.Add(PairedRate("json_valid_rate", jsonJudged, static o => o.Comparison.Baseline.JsonValid == true, static o => o.Comparison.Primary.JsonValid == true));
        }

        var timed = outcomes.Where(static o => o.BaselineLatency is not null && o.PrimaryLatency is not null).ToList();
        if (timed.Count > 0)
        {
            metrics.Add(PairedMean("mean_latency_s", timed, static o => o.BaselineLatency!.Value, static o => o.PrimaryLatency!.Value, SignedRanks));
        }

        return DriftDecision.Apply(metrics, options);
    }

    private static ReplayMetric PairedRate(string name, IReadOnlyList<ReplayPairOutcome> pairs, Func<ReplayPairOutcome, bool> baseline, Func<ReplayPairOutcome, bool> primary)
    {
        var b = pairs.Select(baseline).ToArray();
        var p = pairs.Select(primary).ToArray();
        var baselineRate = Rate(b.Count(static x => x), b.Length);
        var primaryHits = p.Count(static x => x);
        var primaryRate = Rate(primaryHits, p.Length);
        var interval = WilsonInterval.Compute(primaryHits, p.Length);
        return new ReplayMetric(name, baselineRate, primaryRate, primaryRate - baselineRate, McNemarTest.Compute(b, p).PValue, Drift: false, interval.Low, interval.High)
        {
            N = pairs.Count,
            Test = "mcnemar",
        };
    }

    private static ReplayMetric Mismatch(List<ReplayPairOutcome> pairs, double noiseFloor)
    {
        var mismatches = pairs.Count(static o => o.Mismatch);
        var rate = Rate(mismatches, pairs.Count);
        var interval = WilsonInterval.Compute(mismatches, pairs.Count);
        var pValue = BinomialTest.UpperTail(mismatches, pairs.Count, noiseFloor);
        return new ReplayMetric("answer_mismatch", noiseFloor, rate, rate - noiseFloor, pValue, Drift: false, interval.Low, interval.High)
        {
            N = pairs.Count,
            Test = "binomial>noise_floor",
        };
    }

    private static readonly PairedTest LengthSigns = new("sign", static d => SignTest.Compute(d).PValue);

    private static readonly PairedTest SignedRanks = new("wilcoxon", static d => WilcoxonSignedRankTest.Compute(d).PValue);

    private static ReplayMetric PairedMean(
        string name, IReadOnlyList<ReplayPairOutcome> pairs, Func<ReplayPairOutcome, double> baseline, Func<ReplayPairOutcome, double> primary, PairedTest test)
    {
        var b = pairs.Select(baseline).ToArray();
        var p = pairs.Select(primary).ToArray();
        var differences = p.Zip(b, static (x, y) => x - y).ToArray();
        var baselineMean = b.Length == 0 ? 0 : b.Average();
        var primaryMean = p.Length == 0 ? 0 : p.Average();
        return new ReplayMetric(name, baselineMean, primaryMean, primaryMean - baselineMean, test.PValue(differences), Drift: false)
        {
            N = pairs.Count,
            Test = test.Name,
            IsRate = false,
        };
    }

    private static double Rate(int hits, int total) => total == 0 ? 0 : (double)hits / total;

    private sealed record PairedTest(string Name, Func<double[], double> PValue);
}
