using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ShadowProxy.Yarp.Admin;
using ShadowProxy.Yarp.Evidence;
using ShadowProxy.Yarp.Telemetry;

namespace ShadowProxy.Yarp.Pairs;

/// <summary>
/// The newest compared pairs of this process, bounded in number and in bytes (`Evidence:MaxMemoryBytes`) and
/// expiring after the evidence TTL.
/// </summary>
internal sealed class InMemoryPairStore(IOptions<EvidenceOptions> options, TimeProvider time) : IPairObserver, IPairStore
{
    private const int Capacity = 2_000;
    private readonly ConcurrentQueue<(PairRecord Pair, long Bytes)> _pairs = new();
    private long _bytes;

    public IReadOnlyList<PairRecord> Recent => [.. Live()];

    public int Count => _pairs.Count;

    /// <summary>Estimated bytes the stored records hold.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        var size = PairRecordSize.Estimate(pair);
        _pairs.Enqueue((pair, size));
        Interlocked.Add(ref _bytes, size);
        while ((_pairs.Count > Capacity || Bytes > options.Value.MaxMemoryBytes) && _pairs.TryDequeue(out var oldest))
        {
            Interlocked.Add(ref _bytes, -oldest.Bytes);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<(long Total, IReadOnlyList<PairRecord> Items)> QueryAsync(PairQuery query, CancellationToken cancellationToken)
    {
        var matches = Live()
            .Where(p => query.Route is null || p.RouteId == query.Route)
            .Where(p => query.Metric is null || PairApiMapper.MatchesMetric(p, query.Metric))
            .Where(p => query.Outcome is null || AgreementLabels.Of(p.Comparison.Agreement) == query.Outcome)
            .Where(p => query.Since is null || p.StartedAt >= query.Since)
            .Where(p => query.Until is null || p.StartedAt <= query.Until)
            .OrderByDescending(p => p.StartedAt)
            .ToList();
        IReadOnlyList<PairRecord> page = [.. matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)];
        return ValueTask.FromResult(((long)matches.Count, page));
    }

    public ValueTask<PairRecord?> GetAsync(string pairId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Live().FirstOrDefault(p => p.PairId == pairId));

    private IEnumerable<PairRecord> Live()
    {
        var oldest = time.GetUtcNow() - options.Value.Ttl;
        return _pairs.Select(static p => p.Pair).Where(p => p.StartedAt >= oldest);
    }
}
