using ShadowProxy.Gateway.Hosting.Listeners;

namespace ShadowProxy.Gateway.Hosting;

/// <summary>A built gateway; after <see cref="StartAsync"/> its listener addresses are known.</summary>
internal sealed class GatewayApp(WebApplication app, BoundListeners listeners) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public IServiceProvider Services => App.Services;

    /// <summary>The proxy listener's root; OpenAI clients use this plus "v1" as their base URL.</summary>
    public Uri ProxyUri => listeners.ProxyUri;

    public Uri AdminUri => listeners.AdminUri;

    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    public Task RunAsync(CancellationToken cancellationToken = default) => App.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
