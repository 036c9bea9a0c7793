using System.Net;
using ShadowProxy.Yarp.Hosting.Configuration;

namespace ShadowProxy.Yarp.Hosting;

/// <summary>The `Listeners` section; reads `Admin:Token` too, since a remote admin listener needs one.</summary>
internal sealed class ListenerOptionsValidator(IConfiguration configuration) : OptionsValidator<ListenerOptions>
{
    protected override void Check(ListenerOptions options, List<string> errors)
    {
        var proxy = Address($"{ListenerOptions.Section}:{nameof(ListenerOptions.Proxy)}", options.Proxy, errors);
        var admin = Address($"{ListenerOptions.Section}:{nameof(ListenerOptions.Admin)}", options.Admin, errors);
        if (proxy is not null && admin is not null && proxy.Port != 0 && proxy.Port == admin.Port)
        {
            errors.Add($"Listeners:Admin: the admin listener must not share port {admin.Port} with the proxy listener.");
        }

        if (admin is not null && !IPAddress.IsLoopback(ListenerOptions.ParseHost(admin.Host))
            && string.IsNullOrEmpty(configuration["Admin:Token"]) && !configuration.GetValue<bool>("Admin:AllowRemoteWithoutToken"))
        {
            errors.Add($"Listeners:Admin: '{admin}' is not a loopback address and Admin:Token is not set; set a token or Admin:AllowRemoteWithoutToken=true.");
        }

        Positive(nameof(ListenerOptions.MaxRequestBodyBytes), options.MaxRequestBodyBytes, errors);
        Positive(nameof(ListenerOptions.MaxRequestHeadersTotalBytes), options.MaxRequestHeadersTotalBytes, errors);
        Positive(nameof(ListenerOptions.RequestHeadersTimeout), options.RequestHeadersTimeout.Ticks, errors);
        Positive(nameof(ListenerOptions.KeepAliveTimeout), options.KeepAliveTimeout.Ticks, errors);
    }

    private static void Positive(string name, long value, List<string> errors)
    {
        if (value <= 0)
        {
            errors.Add($"{ListenerOptions.Section}:{name}: must be positive.");
        }
    }

    private static Uri? Address(string key, string value, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !IsIpOrLocalhost(uri.Host))
        {
            errors.Add($"{key}: '{value}' must be an http URL with an IP address or localhost, e.g. http://0.0.0.0:8080 (terminate TLS at the ingress).");
            return null;
        }

        return uri;
    }

    private static bool IsIpOrLocalhost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host.Trim('[', ']'), out _);
}
