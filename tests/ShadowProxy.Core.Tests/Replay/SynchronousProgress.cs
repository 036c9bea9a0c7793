namespace ShadowProxy.Core.Tests.Replay;

/// <summary>Unlike <see cref="Progress{T}"/>, reports inline, so tests can assert right after the run.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
