using System.Globalization;
using System.Net;
using ShadowProxy.Gateway.Hosting.Listeners;

namespace ShadowProxy.Gateway.Hosting;

/// <summary>Checks the whole configuration before start-up and names the key of every problem it finds.</summary>
internal static class GatewayConfigValidator
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration, GatewayRole role = GatewayRole.All)
    {
        var errors = new List<string>(Configuration.KnownSettings.FindUnknown(configuration));
        ValidateRedis(configuration, role, errors);
        ValidateAdmin(configuration, errors);

        var proxy = ValidateListener(configuration, "Listeners:Proxy", new ListenerOptions().Proxy, errors);
        var admin = ValidateListener(configuration, "Listeners:Admin", new ListenerOptions().Admin, errors);
        if (proxy is not null && admin is not null && proxy.Port != 0 && proxy.Port == admin.Port)
        {
            errors.Add($"Listeners:Admin: the admin listener must not share port {admin.Port} with the proxy listener.");
        }

        if (admin is not null && !IPAddress.IsLoopback(KestrelListeners.ParseHost(admin.Host))
            && string.IsNullOrEmpty(configuration["Admin:Token"]) && !configuration.GetValue<bool>("Admin:AllowRemoteWithoutToken"))
        {
            errors.Add($"Listeners:Admin: '{admin}' is not a loopback address and Admin:Token is not set; set a token or Admin:AllowRemoteWithoutToken=true.");
        }

        var timeout = configuration["Upstream:ActivityTimeout"];
        if (timeout is not null && (!TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var parsed) || parsed <= TimeSpan.Zero))
        {
            errors.Add($"Upstream:ActivityTimeout: '{timeout}' is not a positive time span such as 00:10:00.");
        }

        ValidateReverseProxy(configuration.GetSection("ReverseProxy"), errors);
        errors.AddRange(Shadowing.Policy.ShadowPolicyStore.Validate(configuration));
        ValidateDrift(configuration, errors);
        Evidence.EvidenceOptionsValidator.Validate(configuration, errors);
        Telemetry.ModelNameAllowList.Validate(configuration, errors);
        return errors;
    }

    private static void ValidateRedis(IConfiguration configuration, GatewayRole role, List<string> errors)
    {
        var connectionString = configuration["Redis:ConnectionString"];
        if (string.IsNullOrEmpty(connectionString))
        {
            if (role != GatewayRole.All)
            {
                // Split roles only make sense over a shared queue; say so plainly rather than silently drop shadow work.
                errors.Add($"Redis:ConnectionString: --role {role.ToString().ToLowerInvariant()} shares work with other processes through Redis; set a connection string or run with --role all.");
            }

            return;
        }

        try
        {
            _ = StackExchange.Redis.ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException e)
        {
            errors.Add($"Redis:ConnectionString: not a valid StackExchange.Redis configuration string ({e.Message}).");
        }

        if (configuration["Redis:KeyPrefix"] is { } prefix && string.IsNullOrWhiteSpace(prefix))
        {
            errors.Add("Redis:KeyPrefix: must not be blank; it separates this deployment's keys from others in the same Redis.");
        }

        if (configuration["Redis:PayloadKey"] is not { Length: >= Storage.Redis.StreamPayloadProtector.MinKeyChars })
        {
            errors.Add($"Redis:PayloadKey: set a secret of at least {Storage.Redis.StreamPayloadProtector.MinKeyChars} characters, the same on every process sharing this Redis; "
                + "shadow jobs are encrypted and authenticated with it, so Redis never holds prompts in clear and a forged job is refused.");
        }

        var claim = configuration["Redis:ClaimIdleAfter"];
        if (claim is not null && (!TimeSpan.TryParse(claim, CultureInfo.InvariantCulture, out var idle) || idle <= TimeSpan.Zero))
        {
            errors.Add($"Redis:ClaimIdleAfter: '{claim}' is not a positive time span such as 00:00:30.");
        }
    }

    private static void ValidateAdmin(IConfiguration configuration, List<string> errors)
    {
        var token = configuration["Admin:Token"];
        if (!string.IsNullOrEmpty(token) && token.Length < AdminOptions.MinimumTokenLength)
        {
            errors.Add($"Admin:Token: {token.Length} characters is too short; use at least {AdminOptions.MinimumTokenLength} random characters (e.g. `openssl rand -hex 24`).");
        }

        var lifetime = configuration["Admin:SessionLifetime"];
        if (lifetime is not null && (!TimeSpan.TryParse(lifetime, CultureInfo.InvariantCulture, out var parsed) || parsed <= TimeSpan.Zero))
        {
            errors.Add($"Admin:SessionLifetime: '{lifetime}' is not a positive time span such as 12:00:00.");
        }
    }

    private static void ValidateDrift(IConfiguration configuration, List<string> errors)
    {
        try
        {
            (configuration.GetSection(Core.Drift.Tracking.DriftOptions.Section).Get<Core.Drift.Tracking.DriftOptions>() ?? new()).Validate();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            errors.Add($"Drift: {e.Message}");
        }
    }

    private static Uri? ValidateListener(IConfiguration configuration, string key, string fallback, List<string> errors)
    {
        var value = configuration[key] ?? fallback;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !IsIpOrLocalhost(uri.Host))
        {
            errors.Add($"{key}: '{value}' must be an http URL with an IP address or localhost, e.g. http://0.0.0.0:8080 (terminate TLS at the ingress).");
            return null;
        }

        return uri;
    }

    private static bool IsIpOrLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Trim('[', ']'), out _);

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
