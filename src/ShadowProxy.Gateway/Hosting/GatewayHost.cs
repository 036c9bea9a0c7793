using ShadowProxy.Gateway.Hosting.Listeners;

namespace ShadowProxy.Gateway.Hosting;

/// <summary>Builds the gateway application: configuration, validation, listeners, services and endpoints.</summary>
internal static class GatewayHost
{
    public static GatewayApp Build(GatewayHostSettings settings)
    {
        var builder = CreateBuilder(settings);
        var errors = GatewayConfigValidator.Validate(builder.Configuration, settings.Role);
        if (errors.Count > 0)
        {
            throw new GatewayConfigurationException(errors);
        }

        settings.ConfigureLogging?.Invoke(builder.Logging);
        var listeners = KestrelListeners.Configure(
            builder.WebHost, builder.Configuration.GetSection(ListenerOptions.Section).Get<ListenerOptions>() ?? new ListenerOptions(),
            proxy: settings.Role != GatewayRole.Worker);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddShadowProxy(builder.Configuration, settings.Role);
        if (settings.Embedded)
        {
            builder.Services.AddSingleton<IHostLifetime, Simulator.Hosting.EmbeddedHostLifetime>();
        }

        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapShadowProxy();
        return new GatewayApp(app, listeners);
    }

    /// <summary>Every problem of the configuration <see cref="Build"/> would run with, without starting anything.</summary>
    public static IReadOnlyList<string> Check(GatewayHostSettings settings)
    {
        try
        {
            return GatewayConfigValidator.Validate(CreateBuilder(settings).Configuration, settings.Role);
        }
        catch (GatewayConfigurationException e)
        {
            return e.Errors;
        }
    }

    private static WebApplicationBuilder CreateBuilder(GatewayHostSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.Args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigFileSource.Insert(builder.Configuration, settings.ConfigFile);
        if (settings.Overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings.Overrides);
        }

        return builder;
    }
}
