using Microsoft.AspNetCore.Authorization;

namespace ShadowProxy.Yarp.Admin.Auth;

/// <summary>
/// Met by a request the admin scheme authenticated, or by any request while Admin:Token is unset (then the admin
/// endpoints are as open as their listener or the host's own policy makes them).
/// </summary>
internal sealed class AdminTokenRequirement : AuthorizationHandler<AdminTokenRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTokenRequirement requirement)
    {
        var credentials = (context.Resource as HttpContext)?.RequestServices.GetService<AdminCredentials>();
        if (credentials is { TokenRequired: false }
            || context.User.Identities.Any(static i => i.IsAuthenticated && i.AuthenticationType == ShadowProxyAdminDefaults.AuthenticationScheme))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
