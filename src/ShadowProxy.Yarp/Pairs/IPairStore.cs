namespace ShadowProxy.Yarp.Pairs;

/// <summary>Stored pairs for the explorer: in memory by default, Redis when configured.</summary>
internal interface IPairStore
{
    ValueTask<(long Total, IReadOnlyList<PairRecord> Items)> QueryAsync(PairQuery query, CancellationToken cancellationToken);

    ValueTask<PairRecord?> GetAsync(string pairId, CancellationToken cancellationToken);
}

/// <summary>Filters for the pair list; null means any.</summary>
internal sealed record PairQuery(string? Route, string? Metric, string? Outcome, DateTimeOffset? Since, DateTimeOffset? Until, int Page, int PageSize);
