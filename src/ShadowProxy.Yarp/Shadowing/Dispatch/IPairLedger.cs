namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// Makes counting idempotent when a shared queue delivers a job more than once (a re-claimed job whose first worker
/// was only slow, or died after counting): only the first worker to settle a pair id counts and records it.
/// </summary>
internal interface IPairLedger
{
    ValueTask<PairClaim> TrySettleAsync(string pairId, CancellationToken cancellationToken);
}

internal enum PairClaim
{
    /// <summary>This worker settles the pair: count and record it.</summary>
    Won,

    /// <summary>Another delivery already did: acknowledge the job, count nothing.</summary>
    AlreadySettled,

    /// <summary>The ledger cannot answer: count nothing and leave the job pending so it is retried.</summary>
    Unavailable,
}
