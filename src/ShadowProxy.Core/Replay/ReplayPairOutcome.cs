using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Replay;

/// <summary>One replayed pair: its comparison and, when a reference exists, whether each side was right.</summary>
internal sealed record ReplayPairOutcome(PairComparison Comparison, bool? BaselineCorrect, bool? PrimaryCorrect, double? BaselineLatency, double? PrimaryLatency)
{
    public bool Mismatch => Comparison.Agreement is AnswerAgreement.Disagree or AnswerAgreement.BaselineNoAnswer or AnswerAgreement.PrimaryNoAnswer;
}
