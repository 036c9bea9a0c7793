using System.Diagnostics;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>Counts and times every proxied request: two instrument updates, no allocation on the path.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, ShadowProxyInstrumentation instrumentation, GenAiConventions conventions)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        // Only when a tracer listens (OTLP configured): otherwise there is no activity and this costs nothing.
        if (Activity.Current is { } activity
            && Core.Exchanges.OperationKinds.FromPath(context.Request.Path.Value) is var kind && GenAiConventions.OperationNameOf(kind) is { } operation)
        {
            activity.SetTag(GenAiConventions.OperationName, operation);
            conventions.TagProvider(activity, GenAiConventions.ProviderName(null, kind, context.Request.Path.Value));
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
