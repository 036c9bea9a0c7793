namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>The in-process queue delivers each exchange exactly once, so every pair is the first of its id.</summary>
internal sealed class InMemoryPairLedger : IPairLedger
{
    public ValueTask<PairClaim> TrySettleAsync(string pairId, CancellationToken cancellationToken) => ValueTask.FromResult(PairClaim.Won);
}
