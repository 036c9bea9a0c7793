namespace ShadowProxy.Yarp.Shadowing.Sampling;

/// <summary>The random source behind random sampling and noise replicates; injected so tests can seed it.</summary>
internal class SamplingRandom
{
    public virtual double NextDouble() => Random.Shared.NextDouble();
}
