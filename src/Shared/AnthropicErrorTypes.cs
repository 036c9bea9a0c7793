// Compiled into both assemblies under each one's own namespace, so a project that sees both never finds two.
#if SHADOWPROXY_SIMULATOR
namespace ShadowProxy.Simulator.Wire;
#else
namespace ShadowProxy.Core.Normalization;
#endif

/// <summary>Anthropic's error types by HTTP status, as its SDKs map them to exception classes.</summary>
internal static class AnthropicErrorTypes
{
    public static string ForStatus(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        413 => "request_too_large",
        429 => "rate_limit_error",
        504 => "timeout_error",
        503 or 529 => "overloaded_error",
        _ => "api_error",
    };
}
