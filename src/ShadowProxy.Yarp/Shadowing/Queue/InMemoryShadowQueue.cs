using System.Threading.Channels;
using ShadowProxy.Yarp.Shadowing.Capture;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Queue;

/// <summary>A bounded channel in this process; capacity is read once at start-up.</summary>
internal sealed class InMemoryShadowQueue(ShadowPolicyStore policies) : IShadowQueue
{
    private readonly Channel<ShadowExchange> _channel = Channel.CreateBounded<ShadowExchange>(
        new BoundedChannelOptions(policies.Current.Options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    private readonly DeliveryWaiter _waiter = new();

    public int Depth => _channel.Reader.Count;

    public int Capacity { get; } = policies.Current.Options.QueueCapacity;

    public bool TryEnqueue(ShadowExchange exchange)
    {
        if (!_channel.Writer.TryWrite(exchange))
        {
            return false;
        }

        _waiter.OnDelivered(_channel.Reader);
        return true;
    }

    public ValueTask<ShadowExchange> DequeueAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAsync(cancellationToken);

    public bool TryTakeDelivered([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShadowExchange? exchange) => _channel.Reader.TryRead(out exchange);

    public Task WaitForDeliveredAsync(int count, CancellationToken cancellationToken) => _waiter.WaitAsync(_channel.Reader, count, cancellationToken);

    public bool TryDequeue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShadowExchange? exchange) => TryTakeDelivered(out exchange);

    public ValueTask CompleteAsync(ShadowExchange exchange, bool settled, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
