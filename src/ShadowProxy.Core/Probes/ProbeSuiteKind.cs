namespace ShadowProxy.Core.Probes;

/// <summary>A family of canary tasks whose answers code can compute; config names live in <see cref="ProbeSuites"/>.</summary>
internal enum ProbeSuiteKind
{
    Primality,
    HappyNumbers,
    Arithmetic,
    JsonSchema,
    LetterFidelity,
}
