using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Admin.Auth;

/// <summary>
/// The admin token as an ASP.NET authentication scheme: a valid session cookie or the bearer token. Wrong bearer
/// tokens count towards the per-address throttle. It only ever looks at requests to the admin endpoints, so a
/// client's provider key on a proxied request is never mistaken for a failed sign-in.
/// </summary>
internal sealed class AdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminCredentials credentials,
    AdminAuthThrottle throttle,
    AdminMount mount) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private static readonly object RetryAfterKey = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!credentials.TokenRequired || !mount.Contains(Context))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // A session cookie is not a guessable secret, so a signed-in browser keeps working while its address is throttled.
        if (Request.Cookies.TryGetValue(AdminCredentials.CookieName, out var cookie))
        {
            if (credentials.IsValidSession(cookie))
            {
                return Task.FromResult(Success("session"));
            }

            Response.Cookies.Delete(AdminCredentials.CookieName, new CookieOptions { Path = mount.Admin });
        }

        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var remote = Context.Connection.RemoteIpAddress;
        if (!credentials.TokenMatches(header[BearerPrefix.Length..].Trim()))
        {
            if (throttle.RecordFailure(remote, out var wait))
            {
                Context.Items[RetryAfterKey] = wait;
            }

            return Task.FromResult(AuthenticateResult.Fail("The admin token was not accepted."));
        }

        if (throttle.IsThrottled(remote, out var retryAfter))
        {
            Context.Items[RetryAfterKey] = retryAfter;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed sign-in attempts from this address."));
        }

        return Task.FromResult(Success("token"));
    }

    /// <summary>Without a token it is the host's own policy refusing: its scheme writes the answer, this one only the status.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!credentials.TokenRequired)
        {
            return base.HandleChallengeAsync(properties);
        }

        return Context.Items.TryGetValue(RetryAfterKey, out var wait) && wait is TimeSpan retryAfter
            ? AdminRefusals.TooManyAttemptsAsync(Context, retryAfter)
            : AdminRefusals.UnauthorizedAsync(Context);
    }

    private AuthenticateResult Success(string method)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "shadowproxy-admin"), new Claim(ClaimTypes.AuthenticationMethod, method)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
