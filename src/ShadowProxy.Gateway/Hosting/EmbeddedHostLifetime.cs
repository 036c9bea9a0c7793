namespace ShadowProxy.Gateway.Hosting;

/// <summary>A gateway embedded in another program (demo, tests) is started and stopped by it, not by console signals.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
