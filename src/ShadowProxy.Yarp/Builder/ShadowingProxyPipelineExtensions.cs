using ShadowProxy.Yarp.Shadowing;
using ShadowProxy.Yarp.Telemetry;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds shadowing to YARP's proxy pipeline.</summary>
public static class ShadowingProxyPipelineExtensions
{
    /// <summary>
    /// Counts and times every proxied request and captures the sampled ones for their baseline copy. The client's
    /// bytes are never held back: the capture tees the response as it streams. Call it inside
    /// <c>MapReverseProxy(proxy =&gt; ...)</c>, after any step of the host's own that may refuse a request.
    /// </summary>
    /// <param name="proxy">The proxy pipeline.</param>
    /// <returns>The same pipeline builder.</returns>
    public static IReverseProxyApplicationBuilder UseShadowing(this IReverseProxyApplicationBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        proxy.UseMiddleware<RequestMetricsMiddleware>();
        return proxy.UseShadowCapture();
    }
}
