using System.Diagnostics;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// Counts and times every proxied request: two instrument updates, no allocation on the path. A host that owns the
/// whole gateway (the executable) also has it shape YARP's bare failure statuses into error objects here, after the
/// capture saw the upstream's own answer and before the status is counted: one async step per request, not two.
/// </summary>
internal sealed class RequestMetricsMiddleware(
    RequestDelegate next, ShadowProxyInstrumentation instrumentation, GenAiConventions conventions, RequestMetricsMiddleware.Mode mode = RequestMetricsMiddleware.Mode.CountOnly)
{
    public enum Mode
    {
        /// <summary>Count what the host's pipeline answered (the library's <c>UseShadowing</c>).</summary>
        CountOnly,

        /// <summary>Also write the error object for a failed forward (<see cref="Proxy.UpstreamErrorResponse"/>).</summary>
        ShapeUpstreamErrors,
    }

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
            if (mode == Mode.ShapeUpstreamErrors)
            {
                await Proxy.UpstreamErrorResponse.WriteIfFailedAsync(context);
            }
        }
        finally
        {
            var route = context.GetReverseProxyFeature().Route.Config.RouteId;
            instrumentation.ProxyRequest(route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
