namespace ShadowProxy.Core.Probes;

/// <summary>Draws canary tasks; the same seed yields the same tasks, so a probe run can be replayed.</summary>
internal static class ProbeGenerator
{
    public static ProbeTask Generate(ProbeSuiteKind suite, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return suite switch
        {
            ProbeSuiteKind.Primality => PrimalityProbes.Create(random),
            ProbeSuiteKind.HappyNumbers => HappyNumberProbes.Create(random),
            ProbeSuiteKind.Arithmetic => ArithmeticProbes.Create(random),
            ProbeSuiteKind.JsonSchema => JsonExtractionProbes.Create(random),
            ProbeSuiteKind.LetterFidelity => LetterFidelityProbes.Create(random),
            _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Unknown probe suite."),
        };
    }
}
