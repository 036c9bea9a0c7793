using System.Collections.Concurrent;

namespace ShadowProxy.Simulator.Wire;

/// <summary>What the simulator received, so tests can check what a proxy forwarded (bounded to the newest entries).</summary>
public sealed class RequestJournal
{
    private const int Capacity = 20_000;
    private readonly ConcurrentQueue<ReceivedRequest> _entries = new();

    public IReadOnlyList<ReceivedRequest> Entries => [.. _entries];

    public int Count => _entries.Count;

    public void Add(ReceivedRequest request)
    {
        _entries.Enqueue(request);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    public void Clear() => _entries.Clear();
}
