using ShadowProxy.Yarp;
using ShadowProxy.Yarp.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds shadowing to a YARP reverse proxy.</summary>
public static class ShadowingReverseProxyBuilderExtensions
{
    /// <summary>
    /// Registers shadowing: a sample of the routes' LLM requests is mirrored to a pinned baseline model and the two
    /// answers are compared, with drift statistics, Prometheus metrics, evidence and the admin explorer. Complete it
    /// with <c>UseShadowing()</c> in <c>MapReverseProxy</c> and, for the explorer and metrics, <c>MapShadowProxyAdmin</c>.
    /// </summary>
    /// <param name="builder">The builder from <c>AddReverseProxy()</c>.</param>
    /// <param name="configuration">
    /// The application's configuration. ShadowProxy's sections (<c>Shadowing</c>, <c>Comparison</c>, <c>Drift</c>,
    /// <c>Evidence</c>, <c>Redis</c>, <c>Telemetry</c>, <c>Probes</c>, <c>Admin</c>, <c>Upstream</c>) sit at its top
    /// level beside YARP's <c>ReverseProxy</c>; every value is validated when the host starts.
    /// </param>
    /// <param name="configure">Choices made in code, such as <see cref="ShadowingBuilder.UseRedis"/>.</param>
    /// <returns>The same builder, for further YARP configuration.</returns>
    public static IReverseProxyBuilder AddShadowing(this IReverseProxyBuilder builder, IConfiguration configuration, Action<ShadowingBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var shadowing = new ShadowingBuilder(builder.Services, configuration);
        configure?.Invoke(shadowing);
        builder.AddShadowProxy(configuration, shadowing);
        return builder;
    }
}
