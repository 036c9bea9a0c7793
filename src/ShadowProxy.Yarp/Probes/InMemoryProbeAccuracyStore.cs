using ShadowProxy.Core.Probes;

namespace ShadowProxy.Yarp.Probes;

/// <summary>Probe accuracy in this process (one replica, or no Redis).</summary>
internal sealed class InMemoryProbeAccuracyStore : IProbeAccuracyStore
{
    private readonly Dictionary<(string Route, string Model, ProbeSuiteKind Suite), long[]> _counts = [];
    private readonly Lock _gate = new();

    public Task RecordAsync(string route, string model, ProbeSuiteKind suite, bool primaryCorrect, bool baselineCorrect, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_counts.TryGetValue((route, model, suite), out var cells))
            {
                _counts[(route, model, suite)] = cells = new long[4];
            }

            cells[ProbeSuiteAccuracy.Cell(primaryCorrect, baselineCorrect)]++;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ProbeSuiteAccuracy>> SnapshotAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ProbeSuiteAccuracy>>(
                [.. _counts.Select(static p => ProbeSuiteAccuracy.From(p.Key.Route, p.Key.Model, p.Key.Suite, p.Value))]);
        }
    }
}
