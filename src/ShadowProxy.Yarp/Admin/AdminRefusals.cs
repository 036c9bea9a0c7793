using System.Globalization;

namespace ShadowProxy.Yarp.Admin;

/// <summary>The admin endpoints' refusals: JSON for the API, the login page for everything a browser opens.</summary>
internal static class AdminRefusals
{
    public static Task UnauthorizedAsync(HttpContext context) => IsApi(context)
        ? JsonAsync(context, StatusCodes.Status401Unauthorized, "unauthorized: send 'Authorization: Bearer <Admin:Token>' or sign in on the explorer's login page")
        : AdminLoginPage.WriteAsync(context, StatusCodes.Status401Unauthorized);

    public static Task TooManyAttemptsAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"too many failed admin sign-in attempts from this address; retry in {seconds} s";
        return IsApi(context)
            ? JsonAsync(context, StatusCodes.Status429TooManyRequests, message)
            : AdminLoginPage.WriteAsync(context, StatusCodes.Status429TooManyRequests, message);
    }

    private static bool IsApi(HttpContext context) => context.RequestServices.GetRequiredService<AdminMount>().IsApi(context);

    private static Task JsonAsync(HttpContext context, int status, string message) =>
        Results.Json(new ApiError(message), AdminJsonContext.Default.ApiError, statusCode: status).ExecuteAsync(context);
}
