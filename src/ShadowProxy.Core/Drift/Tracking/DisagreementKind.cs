namespace ShadowProxy.Core.Drift.Tracking;

/// <summary>
/// Judgements "do the two sides decide the same?" that are tested against the same judgement between the baseline
/// and its own replicate, because a model disagrees with itself some of the time anyway.
/// </summary>
internal enum DisagreementKind
{
    /// <summary>Extracted answers differ, or only one side has one.</summary>
    Answer,

    /// <summary>Both sides called tools, but not the same set of functions.</summary>
    ToolName,

    /// <summary>Both sides called the same functions, with different canonical arguments.</summary>
    ToolArguments,
}
