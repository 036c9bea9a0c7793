using ShadowProxy.Core.Probes;

namespace ShadowProxy.Yarp.Probes;

/// <summary>
/// Ground-truth accuracy per route, requested model and suite, for both sides of every probe: in this process by
/// default, in Redis when configured, so every replica's drift API shows the same probes whichever graded them.
/// </summary>
internal interface IProbeAccuracyStore
{
    Task RecordAsync(string route, string model, ProbeSuiteKind suite, bool primaryCorrect, bool baselineCorrect, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProbeSuiteAccuracy>> SnapshotAsync(CancellationToken cancellationToken);
}
