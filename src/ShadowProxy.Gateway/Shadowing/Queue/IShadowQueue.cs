using ShadowProxy.Gateway.Shadowing.Capture;

namespace ShadowProxy.Gateway.Shadowing.Queue;

/// <summary>Hands completed primary exchanges to the baseline workers without ever making the request path wait.</summary>
internal interface IShadowQueue
{
    /// <returns>False when full: the caller drops the exchange and counts it.</returns>
    bool TryEnqueue(ShadowExchange exchange);

    ValueTask<ShadowExchange> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>Called once the exchange is settled; a shared queue acknowledges it then (at-least-once delivery).</summary>
    ValueTask CompleteAsync(ShadowExchange exchange, CancellationToken cancellationToken);

    int Depth { get; }
}
