namespace ShadowProxy.Yarp.Pairs;

/// <summary>Something that learns from every compared pair: drift tracking, metrics, the pair store.</summary>
internal interface IPairObserver
{
    ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken);
}
