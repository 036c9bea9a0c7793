using Microsoft.AspNetCore.Routing.Matching;

namespace ShadowProxy.Gateway.Hosting.Listeners;

/// <summary>
/// Keeps the two listeners apart in routing: admin endpoints match only admin connections and everything else
/// (the proxy routes) only proxy connections, so an admin path can never shadow or expose an upstream path.
/// </summary>
internal sealed class ListenerMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => -1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var isAdminConnection = ListenerKinds.IsAdmin(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            var isAdminEndpoint = candidates[i].Endpoint.Metadata.GetMetadata<AdminEndpointMetadata>() is not null;
            if (isAdminEndpoint != isAdminConnection)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
