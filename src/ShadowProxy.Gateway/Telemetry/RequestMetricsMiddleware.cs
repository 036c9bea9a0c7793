using System.Diagnostics;

namespace ShadowProxy.Gateway.Telemetry;

/// <summary>Counts and times every proxied request: two instrument updates, no allocation on the path.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, ShadowProxyInstrumentation instrumentation)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        if (Activity.Current is { } activity && GenAiOperations.FromPath(context.Request.Path.Value) is { } operation)
        {
            // Only when a tracer listens (OTLP configured): otherwise there is no activity and this costs nothing.
            activity.SetTag("gen_ai.operation.name", operation);
        }

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
