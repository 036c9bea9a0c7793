using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShadowProxy.Simulator.Profiles;
using ShadowProxy.Simulator.Wire;

namespace ShadowProxy.Simulator.Hosting;

/// <summary>A running simulator on real Kestrel: start it, point a client or a proxy at <see cref="BaseUri"/>.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorState _state;

    private SimulatorServer(WebApplication app, SimulatorState state, Uri baseUri)
    {
        _app = app;
        _state = state;
        BaseUri = baseUri;
    }

    /// <summary>Root address, e.g. http://127.0.0.1:41234/ — the OpenAI base URL is this plus "v1".</summary>
    public Uri BaseUri { get; }

    public RequestJournal Journal => _state.Journal;

    /// <summary>The behaviour in force; switch it mid-run to simulate a provider swapping the model.</summary>
    public SimulatorProfile Profile
    {
        get => _state.Profile;
        set => _state.Profile = value;
    }

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        var app = builder.Build();
        var state = new SimulatorState(options);
        Map(app, state);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, state, new Uri(address.TrimEnd('/') + "/"));
    }

    internal static void Map(WebApplication app, SimulatorState state)
    {
        var embeddings = new EmbeddingsEndpoint(state);
        app.MapPost("/v1/chat/completions", new CompletionEndpoint(state, new ChatReplyWriter(legacy: false)).HandleAsync);
        app.MapPost("/v1/completions", new CompletionEndpoint(state, new ChatReplyWriter(legacy: true)).HandleAsync);
        app.MapPost("/v1/responses", new CompletionEndpoint(state, new ResponsesReplyWriter()).HandleAsync);
        app.MapPost("/v1/messages", new CompletionEndpoint(state, new MessagesReplyWriter()).HandleAsync);
        app.MapPost("/v1/messages/count_tokens", new CountTokensEndpoint(state).HandleAsync);
        app.MapPost("/v1/embeddings", embeddings.HandleAsync);
        app.MapGet("/v1/models", context => ModelsEndpoint.WriteAsync(context, state.Profile.Model));
        app.MapFallback(context => ErrorResponses.WriteAsync(
            context, 404, "invalid_request_error", $"Unknown request URL: {context.Request.Method} {context.Request.Path}.", "unknown_url"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
