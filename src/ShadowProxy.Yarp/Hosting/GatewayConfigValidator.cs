namespace ShadowProxy.Yarp.Hosting;

/// <summary>
/// Checks the whole configuration before start-up and names the key of every problem it finds: unknown keys, the
/// role, YARP's routes and clusters as far as shadowing depends on them, and every section's own validator.
/// </summary>
internal static class GatewayConfigValidator
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration, GatewayRole role = GatewayRole.All)
    {
        var errors = new List<string>(Configuration.KnownSettings.FindUnknown(configuration));
        ValidateRole(configuration, role, errors);
        ValidateReverseProxy(configuration.GetSection("ReverseProxy"), errors);
        Configuration.GatewayOptionsCheck.Collect(configuration, errors);
        return errors;
    }

    private static void ValidateRole(IConfiguration configuration, GatewayRole role, List<string> errors)
    {
        if (role != GatewayRole.All && string.IsNullOrEmpty(configuration["Redis:ConnectionString"]))
        {
            // Split roles only make sense over a shared queue; say so plainly rather than silently drop shadow work.
            errors.Add($"Redis:ConnectionString: --role {role.ToString().ToLowerInvariant()} shares work with other processes through Redis; set a connection string or run with --role all.");
        }
    }

    private static void ValidateReverseProxy(IConfigurationSection section, List<string> errors)
    {
        var clusters = section.GetSection("Clusters").GetChildren().ToList();
        var routes = section.GetSection("Routes").GetChildren().ToList();
        if (routes.Count == 0)
        {
            errors.Add("ReverseProxy:Routes: no route is configured, so the gateway would proxy nothing.");
        }

        foreach (var route in routes)
        {
            var clusterId = route["ClusterId"];
            if (string.IsNullOrEmpty(clusterId) || clusters.All(c => c.Key != clusterId))
            {
                errors.Add($"{route.Path}:ClusterId: '{clusterId}' does not name a cluster under ReverseProxy:Clusters.");
            }
        }

        foreach (var destination in clusters.SelectMany(c => c.GetSection("Destinations").GetChildren()))
        {
            var address = destination["Address"];
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{destination.Path}:Address: '{address}' is not an absolute http(s) URL.");
            }
        }
    }
}
