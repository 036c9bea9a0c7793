using System.Globalization;

namespace ShadowProxy.Core.Probes;

/// <summary>"Is N a prime number?" for 4-5 digit N, prime or composite with equal chance.</summary>
internal static class PrimalityProbes
{
    private const int MinStart = 1_000;

    // The largest prime gap below 100,000 is 72, so the upward search never leaves five digits.
    private const int MaxStart = 99_000;

    public static ProbeTask Create(Random random)
    {
        var wantPrime = random.Next(2) == 0;
        var n = (long)random.Next(MinStart, MaxStart);
        while (!(wantPrime ? GroundTruth.IsPrime(n) : IsHardComposite(n)))
        {
            n++;
        }

        var text = n.ToString(CultureInfo.InvariantCulture);
        return new ProbeTask
        {
            Id = ProbeSuites.TaskId(ProbeSuiteKind.Primality, text),
            Suite = ProbeSuiteKind.Primality,
            Prompt = $"Is {text} a prime number? Think step by step and then answer \"[Yes]\" or \"[No]\".",
            ExpectedAnswer = wantPrime ? "yes" : "no",
        };
    }

    /// <summary>Even numbers and multiples of 3 or 5 are visibly composite; they would test nothing.</summary>
    private static bool IsHardComposite(long n) => n % 2 != 0 && n % 3 != 0 && n % 5 != 0 && !GroundTruth.IsPrime(n);
}
