using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Admin.Auth;

internal static class AdminAuthenticationDefaults
{
    /// <summary>
    /// Adding the admin scheme must not take the host's default away: ASP.NET makes a lone scheme the default, so a
    /// host with exactly one scheme of its own keeps it explicitly. With none of its own (the executable) the admin
    /// scheme becomes the default, and answers "no result" at once for anything but the admin endpoints; the
    /// executable also sets the Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme switch.
    /// </summary>
    public static void KeepHostDefault(AuthenticationOptions options)
    {
        if (options.DefaultScheme is null)
        {
            var own = options.Schemes.Where(static s => s.Name != ShadowProxyAdminDefaults.AuthenticationScheme).ToList();
            if (own.Count == 1)
            {
                options.DefaultScheme = own[0].Name;
            }
        }
    }

    /// <summary>
    /// Without Admin:Token the admin scheme stands aside for the host's default scheme, so the host's own policy on
    /// the admin endpoints sees the host's user (the policy's scheme list would otherwise replace it).
    /// </summary>
    public static string? HostSchemeWithoutToken(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<AdminCredentials>().TokenRequired)
        {
            return null;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        var host = options.DefaultAuthenticateScheme ?? options.DefaultScheme;
        return host == ShadowProxyAdminDefaults.AuthenticationScheme ? null : host;
    }
}
