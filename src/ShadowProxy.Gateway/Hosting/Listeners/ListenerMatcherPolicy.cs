using Microsoft.AspNetCore.Routing.Matching;

namespace ShadowProxy.Gateway.Hosting.Listeners;

/// <summary>
/// Keeps admin endpoints to admin connections, so an admin path can never be reached from the proxy listener and a
/// proxy route configured over an admin path stays a proxy route there. It applies only where routing finds an admin
/// endpoint among the candidates: proxied paths pay nothing for it, and the proxy pipeline itself refuses admin
/// connections (MapShadowProxy).
/// </summary>
internal sealed class ListenerMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (IsAdminEndpoint(endpoints[i]))
            {
                return true;
            }
        }

        return false;
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var isAdminConnection = ListenerKinds.IsAdmin(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (IsAdminEndpoint(candidates[i].Endpoint) != isAdminConnection)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsAdminEndpoint(Endpoint endpoint) => endpoint.Metadata.GetMetadata<AdminEndpointMetadata>() is not null;
}
