namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Recognises a browser request made by another site (login CSRF): <c>Sec-Fetch-Site: cross-site</c>, or an
/// <c>Origin</c> other than the gateway's own scheme://host[:port]. A request without Origin (curl, scripts) is
/// not a browser riding on someone's cookie and passes.
/// </summary>
internal static class CrossSiteRequests
{
    public static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Equals("cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // Under Referrer-Policy: no-referrer, which every admin page sends, browsers post forms with Origin: null.
        // Sec-Fetch-Site is set by the browser and no page can forge it, so it vouches for our own forms then.
        if (origin == "null")
        {
            return !fetchSite.Equals("same-origin", StringComparison.OrdinalIgnoreCase);
        }

        return !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && Uri.TryCreate($"{Scheme(request)}://{request.Host.Value}", UriKind.Absolute, out var self)
            && Uri.Compare(from, self, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }

    /// <summary>
    /// Behind a TLS-terminating ingress the browser's origin is https while Kestrel sees http. Trusting the header
    /// here is safe: a page on another site cannot add it to a form post.
    /// </summary>
    public static string Scheme(HttpRequest request) =>
        request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded ? forwarded.ToLowerInvariant() : request.Scheme;
}
