namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>When an evaluation happened, in time and in bucket, and how many pairs its key's window held.</summary>
internal readonly record struct DriftEvaluationMoment(DateTimeOffset At, long Bucket, long WindowPairs);
