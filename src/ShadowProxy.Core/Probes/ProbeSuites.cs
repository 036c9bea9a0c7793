namespace ShadowProxy.Core.Probes;

/// <summary>The config names of the probe suites ("primality", "happy_numbers", ...), both ways.</summary>
internal static class ProbeSuites
{
    public static IReadOnlyList<ProbeSuiteKind> All { get; } = Enum.GetValues<ProbeSuiteKind>();

    public static string NameOf(ProbeSuiteKind suite) => suite switch
    {
        ProbeSuiteKind.Primality => "primality",
        ProbeSuiteKind.HappyNumbers => "happy_numbers",
        ProbeSuiteKind.Arithmetic => "arithmetic",
        ProbeSuiteKind.JsonSchema => "json_schema",
        ProbeSuiteKind.LetterFidelity => "letter_fidelity",
        _ => throw new ArgumentOutOfRangeException(nameof(suite), suite, "Unknown probe suite."),
    };

    /// <summary>Case-insensitive; only the config names are accepted, not the enum member names.</summary>
    public static bool TryParse(string? name, out ProbeSuiteKind suite)
    {
        var trimmed = name.AsSpan().Trim();
        foreach (var candidate in All)
        {
            if (trimmed.Equals(NameOf(candidate), StringComparison.OrdinalIgnoreCase))
            {
                suite = candidate;
                return true;
            }
        }

        suite = default;
        return false;
    }

    /// <summary>Ids name the task's content, so the same task drawn twice has the same id.</summary>
    public static string TaskId(ProbeSuiteKind suite, string key) => $"{NameOf(suite)}:{key}";
}
