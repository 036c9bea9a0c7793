namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>Where completed pairs go: comparison, drift tracking and evidence.</summary>
internal interface IPairSink
{
    /// <summary>Processes a pair; must copy anything it keeps, since the pair's buffers are released after this returns.</summary>
    /// <returns><see cref="Accounting.ShadowOutcome.Paired"/>, or the outcome that explains why the pair is unusable.</returns>
    ValueTask<Accounting.ShadowOutcome> AcceptAsync(CompletedPair pair, CancellationToken cancellationToken);
}
