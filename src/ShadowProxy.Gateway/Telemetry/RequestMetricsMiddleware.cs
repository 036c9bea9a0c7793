using System.Diagnostics;

namespace ShadowProxy.Gateway.Telemetry;

/// <summary>Counts and times every proxied request: two instrument updates, no allocation on the path.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, ShadowProxyInstrumentation instrumentation, GenAiConventions conventions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        if (Activity.Current is { } activity && GenAiOperations.FromPath(context.Request.Path.Value) is { } operation)
        {
            // Only when a tracer listens (OTLP configured): otherwise there is no activity and this costs nothing.
            var path = context.Request.Path.Value;
            activity.SetTag(GenAiConventions.OperationName, operation);
            conventions.TagProvider(activity, GenAiConventions.ProviderName(null, Core.Exchanges.OperationKinds.FromPath(path), path));
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
