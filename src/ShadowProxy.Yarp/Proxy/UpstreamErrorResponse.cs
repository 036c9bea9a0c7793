using Yarp.ReverseProxy.Forwarder;

namespace ShadowProxy.Yarp.Proxy;

/// <summary>
/// YARP answers a failed forward with a bare status code; SDKs expect an error object, so give them one
/// that says what went wrong without leaking upstream addresses.
/// </summary>
internal static class UpstreamErrorResponse
{
    /// <summary>After the forward: writes the error object when YARP failed and nothing has reached the client yet.</summary>
    public static Task WriteIfFailedAsync(HttpContext context)
    {
        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var cluster = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var (status, type, message) = failure.Error switch
        {
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, "upstream_timeout",
                $"The upstream '{cluster}' did not answer within the activity timeout."),
            ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "upstream_unavailable",
                $"The upstream '{cluster}' has no healthy destination."),
            ForwarderError.RequestBodyClient when BodyTooLarge(failure.Exception) => (StatusCodes.Status413PayloadTooLarge, "request_too_large",
                "The request body is larger than this route accepts (Listeners:MaxRequestBodyBytes, or the route's MaxRequestBodySize)."),
            ForwarderError.RequestBodyClient => (StatusCodes.Status400BadRequest, "invalid_request_error",
                "The request body could not be read from the client."),
            _ => (StatusCodes.Status502BadGateway, "upstream_error",
                $"The upstream '{cluster}' could not be reached or failed mid-request ({Describe(failure.Exception)})."),
        };
        return GatewayError.WriteAsync(context, status, type, message);
    }

    /// <summary>Kestrel's body limit surfaces inside YARP's body copy as a 413 BadHttpRequestException.</summary>
    private static bool BodyTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception? exception) =>
        (exception?.InnerException ?? exception) switch
        {
            System.Net.Sockets.SocketException socket => socket.SocketErrorCode.ToString(),
            HttpRequestException http => http.HttpRequestError.ToString(),
            null => "unknown error",
            var other => other.GetType().Name,
        };
}
