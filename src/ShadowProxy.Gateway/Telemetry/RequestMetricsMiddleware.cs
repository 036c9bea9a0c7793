using System.Diagnostics;

namespace ShadowProxy.Gateway.Telemetry;

/// <summary>Counts and times every proxied request: two instrument updates, no allocation on the path.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, ShadowProxyInstrumentation instrumentation)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = context.GetReverseProxyFeature().Route.Config.RouteId;
            instrumentation.ProxyRequest(route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
