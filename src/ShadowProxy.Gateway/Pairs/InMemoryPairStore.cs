using System.Collections.Concurrent;

namespace ShadowProxy.Gateway.Pairs;

/// <summary>The newest compared pairs of this process, bounded; the Redis evidence store replaces it when configured.</summary>
internal sealed class InMemoryPairStore : IPairObserver
{
    private const int Capacity = 2_000;
    private readonly ConcurrentQueue<PairRecord> _pairs = new();

    public IReadOnlyList<PairRecord> Recent => [.. _pairs];

    public int Count => _pairs.Count;

    public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
    {
        _pairs.Enqueue(pair);
        while (_pairs.Count > Capacity && _pairs.TryDequeue(out _))
        {
        }

        return ValueTask.CompletedTask;
    }
}
