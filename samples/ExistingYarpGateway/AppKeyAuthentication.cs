using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ExistingYarpGateway;

/// <summary>
/// The gateway's own keys for its applications (`AppKeys:{key}` = a role), sent the way OpenAI SDKs send a key:
/// `Authorization: Bearer ...`. A real deployment would look them up in its key vault.
/// </summary>
internal sealed class AppKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<AppKeys> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = header["Bearer ".Length..];
        // Bound once (and on reload), not looked up in IConfiguration per request: that walks every provider.
        if (!keys.CurrentValue.TryGetValue(key, out var role) || role.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown application key"));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>`AppKeys`: application key → role.</summary>
internal sealed class AppKeys : Dictionary<string, string>;
