
namespace ShadowProxy.Simulator.Hosting;

/// <summary>
/// A host lifetime that ignores console signals: a host embedded in another program (tests, the demo) is started and
/// stopped by its owner, and must not race the owner's own Ctrl+C handling.
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
