using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Budget;

/// <summary>Per-route caps on shadow spending: requests per minute and tokens per day.</summary>
internal interface IShadowBudget
{
    /// <summary>Takes one request from the route's budget; false when a cap is reached.</summary>
    ValueTask<bool> TryAcquireAsync(RoutePolicy policy, CancellationToken cancellationToken);

    /// <summary>Charges the tokens a baseline call used.</summary>
    ValueTask AddTokensAsync(RoutePolicy policy, long tokens, CancellationToken cancellationToken);
}
