namespace ShadowProxy.Core.Probes;

/// <summary>
/// How one response did on a probe. <see cref="Answered"/> is false when no answer could be pulled out at all
/// (error, empty, or no answer in the asked-for form); <see cref="Reason"/> says why a grade is not correct and
/// never quotes the response.
/// </summary>
internal sealed record ProbeGrade(bool Correct, bool Answered, string? Extracted, string? Reason)
{
    public static ProbeGrade Right(string extracted) => new(Correct: true, Answered: true, extracted, Reason: null);

    public static ProbeGrade Wrong(string? extracted, string reason) => new(Correct: false, Answered: true, extracted, reason);

    public static ProbeGrade Unanswered(string reason) => new(Correct: false, Answered: false, Extracted: null, reason);
}
