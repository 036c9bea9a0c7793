using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// A primary exchange with its request's facts, its baseline answer in the baseline's wire format (and, for noise
/// replicates, a second independent baseline answer).
/// Valid only during <see cref="IPairSink.AcceptAsync"/>: the buffers return to the pool afterwards.
/// </summary>
internal sealed record CompletedPair(
    ShadowExchange Exchange, Core.Normalization.RequestFacts Request, Core.Exchanges.OperationKind BaselineOperation, BaselineResponse Baseline, BaselineResponse? Replicate);
