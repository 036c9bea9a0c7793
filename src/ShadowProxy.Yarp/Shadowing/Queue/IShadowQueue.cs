using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Yarp.Shadowing.Queue;

/// <summary>Hands completed primary exchanges to the baseline workers without ever making the request path wait.</summary>
internal interface IShadowQueue
{
    /// <returns>False when full: the caller drops the exchange and counts it.</returns>
    bool TryEnqueue(ShadowExchange exchange);

    ValueTask<ShadowExchange> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes an exchange already delivered to this process's workers, without waiting: the rest of a batch once
    /// <see cref="DequeueAsync"/> has woken the workers.
    /// </summary>
    bool TryTakeDelivered([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShadowExchange? exchange);

    /// <summary>
    /// Completes once at least <paramref name="count"/> exchanges wait for <see cref="TryTakeDelivered"/>, or when
    /// <paramref name="cancellationToken"/> is cancelled (without throwing): how a pause for company ends early.
    /// </summary>
    Task WaitForDeliveredAsync(int count, CancellationToken cancellationToken);

    /// <summary>Takes an exchange if one is waiting, without waiting (used to account for leftovers at shutdown).</summary>
    bool TryDequeue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ShadowExchange? exchange);

    /// <summary>Called once a worker is done with the exchange. A shared queue acknowledges it when
    /// <paramref name="settled"/> (at-least-once delivery) and otherwise leaves it pending to be retried.</summary>
    ValueTask CompleteAsync(ShadowExchange exchange, bool settled, CancellationToken cancellationToken);

    int Depth { get; }

    /// <summary>The depth at which <see cref="TryEnqueue"/> starts refusing.</summary>
    int Capacity { get; }
}
