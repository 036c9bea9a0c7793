namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// On requests with a baseline replicate: was the primary or the replicate less similar to the baseline? Both answer
/// the same request, so without a change either is as likely, whatever mix of requests the route gets. Ties are
/// not counted.
/// </summary>
internal sealed class SimilarityOrderCounts
{
    public long PrimaryLower { get; set; }

    public long ReplicateLower { get; set; }

    public void Add(PairedSimilarity similarity)
    {
        if (similarity is { Primary: { } primary, Noise: { } replicate } && Math.Abs(primary - replicate) > 1e-9)
        {
            PrimaryLower += primary < replicate ? 1 : 0;
            ReplicateLower += primary > replicate ? 1 : 0;
        }
    }

    public void Merge(SimilarityOrderCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        PrimaryLower += other.PrimaryLower;
        ReplicateLower += other.ReplicateLower;
    }
}
