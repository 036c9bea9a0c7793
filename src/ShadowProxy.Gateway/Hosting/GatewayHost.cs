using Microsoft.Extensions.DependencyInjection.Extensions;
using ShadowProxy.Gateway.Hosting.Listeners;
using ShadowProxy.Yarp.Hosting;
using ShadowProxy.Yarp.Proxy;

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
        builder.Services.AddSingleton<IProxyAddress>(listeners);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerMatcherPolicy>());
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<UpstreamDefaultsFilter>()
            .AddTransforms(GatewayTransforms.Apply)
            .AddShadowing(builder.Configuration, shadowing => shadowing.Role = settings.Role);
        if (settings.Embedded)
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
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
