using ShadowProxy.Core.Drift;
using ShadowProxy.Core.Probes;

namespace ShadowProxy.Yarp.Probes;

/// <summary>
/// One route, model and suite. The sides answer the same tasks, so McNemar's test on the discordant pairs says
/// whether the primary got worse (or better).
/// </summary>
internal sealed record ProbeSuiteAccuracy(string Route, string Model, string Suite, long Probes, double PrimaryAccuracy, double BaselineAccuracy, double PValue)
{
    /// <summary>Summarizes probe counts by outcome (<paramref name="cells"/>: neither correct, baseline only, primary only, both).</summary>
    public static ProbeSuiteAccuracy From(string route, string model, ProbeSuiteKind suite, IReadOnlyList<long> cells)
    {
        var (neither, baselineOnly, primaryOnly, both) = (cells[0], cells[1], cells[2], cells[3]);
        var total = neither + baselineOnly + primaryOnly + both;
        var p = McNemarTest.Compute((int)Math.Min(baselineOnly, int.MaxValue), (int)Math.Min(primaryOnly, int.MaxValue)).PValue;
        return new ProbeSuiteAccuracy(route, model, ProbeSuites.NameOf(suite), total,
            (double)(both + primaryOnly) / total, (double)(both + baselineOnly) / total, p);
    }

    /// <summary>The index in the cells of one probe's outcome.</summary>
    public static int Cell(bool primaryCorrect, bool baselineCorrect) => (primaryCorrect ? 2 : 0) + (baselineCorrect ? 1 : 0);
}
