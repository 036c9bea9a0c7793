namespace ShadowProxy.Core.Probes;

/// <summary>The fixed reasons a probe grade can give, so they can be counted and used as bounded labels.</summary>
internal static class ProbeGradeReasons
{
    public const string ProviderError = "provider error";
    public const string Unparseable = "unparseable response";
    public const string NoChoices = "no choices";
    public const string Refused = "refused";
    public const string EmptyAnswer = "empty answer";
    public const string NoLabel = "no [Yes]/[No] label";
    public const string NoBoxedAnswer = "no \\boxed{} answer";
    public const string NoNumber = "no number";
    public const string WrongAnswer = "wrong answer";
    public const string NotJson = "not JSON";
    public const string NotBareJson = "not bare JSON";
    public const string SchemaViolation = "does not match the schema";
    public const string WrongValues = "wrong extracted values";
    public const string NoWords = "no words";
    public const string TooFewWords = "fewer than 3 words";
    public const string WrongLetter = "a word starts with another letter";
}
