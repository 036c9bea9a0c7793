using ShadowProxy.Core.Drift;
using ShadowProxy.Core.Probes;

namespace ShadowProxy.Gateway.Probes;

/// <summary>
/// Ground-truth accuracy per route, requested model and suite, for both sides of every probe. The sides answer the
/// same task, so McNemar's test on the discordant pairs says whether the primary got worse (or better).
/// </summary>
internal sealed class ProbeAccuracy
{
    private readonly Dictionary<(string Route, string Model, ProbeSuiteKind Suite), long[]> _counts = [];
    private readonly Lock _gate = new();

    public void Record(string route, string model, ProbeSuiteKind suite, bool primaryCorrect, bool baselineCorrect)
    {
        lock (_gate)
        {
            if (!_counts.TryGetValue((route, model, suite), out var c))
            {
                _counts[(route, model, suite)] = c = new long[4];
            }

            c[(primaryCorrect ? 2 : 0) + (baselineCorrect ? 1 : 0)]++;
        }
    }

    public IReadOnlyList<ProbeSuiteAccuracy> Snapshot(string? route = null)
    {
        lock (_gate)
        {
            return [.. _counts.Where(p => route is null || p.Key.Route == route).Select(p => Summarize(p.Key.Route, p.Key.Model, p.Key.Suite, p.Value))];
        }
    }

    private static ProbeSuiteAccuracy Summarize(string route, string model, ProbeSuiteKind suite, long[] c)
    {
        var (neither, baselineOnly, primaryOnly, both) = (c[0], c[1], c[2], c[3]);
        var total = neither + baselineOnly + primaryOnly + both;
        var p = McNemarTest.Compute((int)Math.Min(baselineOnly, int.MaxValue), (int)Math.Min(primaryOnly, int.MaxValue)).PValue;
        return new ProbeSuiteAccuracy(route, model, ProbeSuites.NameOf(suite), total,
            (double)(both + primaryOnly) / total, (double)(both + baselineOnly) / total, p);
    }
}

internal sealed record ProbeSuiteAccuracy(string Route, string Model, string Suite, long Probes, double PrimaryAccuracy, double BaselineAccuracy, double PValue);
