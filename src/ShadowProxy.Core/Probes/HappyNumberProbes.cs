using System.Globalization;

namespace ShadowProxy.Core.Probes;

/// <summary>"How many happy numbers are there between A and B?" over about ten four-digit numbers.</summary>
internal static class HappyNumberProbes
{
    private const int MinFrom = 1_000;
    private const int MaxTo = 9_999;
    private const int MinSpan = 9;
    private const int MaxSpan = 12;

    public static ProbeTask Create(Random random)
    {
        var span = random.Next(MinSpan, MaxSpan + 1);
        var from = random.Next(MinFrom, MaxTo - span + 1);
        var to = from + span;
        var count = GroundTruth.CountHappy(from, to);
        return new ProbeTask
        {
            Id = ProbeSuites.TaskId(ProbeSuiteKind.HappyNumbers, string.Create(CultureInfo.InvariantCulture, $"{from}-{to}")),
            Suite = ProbeSuiteKind.HappyNumbers,
            Prompt = string.Create(
                CultureInfo.InvariantCulture,
                $"How many happy numbers are there between {from} and {to} (inclusive)? Put the final count in \\boxed{{}}."),
            ExpectedAnswer = count.ToString(CultureInfo.InvariantCulture),
        };
    }
}
