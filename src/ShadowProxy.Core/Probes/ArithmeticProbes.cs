using System.Globalization;

namespace ShadowProxy.Core.Probes;

/// <summary>"What is A op B?" with two- or three-digit operands and +, - or *.</summary>
internal static class ArithmeticProbes
{
    private const int MinOperand = 10;
    private const int MaxOperand = 999;
    private static readonly char[] Operators = ['+', '-', '*'];

    public static ProbeTask Create(Random random)
    {
        long left = random.Next(MinOperand, MaxOperand + 1);
        long right = random.Next(MinOperand, MaxOperand + 1);
        var op = Operators[random.Next(Operators.Length)];
        var result = op switch
        {
            '+' => left + right,
            '-' => left - right,
            _ => left * right,
        };
        var expression = string.Create(CultureInfo.InvariantCulture, $"{left} {op} {right}");
        return new ProbeTask
        {
            Id = ProbeSuites.TaskId(ProbeSuiteKind.Arithmetic, expression.Replace(" ", string.Empty, StringComparison.Ordinal)),
            Suite = ProbeSuiteKind.Arithmetic,
            Prompt = $"What is {expression}? Give the result on a final line as \"Answer: <number>\".",
            ExpectedAnswer = result.ToString(CultureInfo.InvariantCulture),
        };
    }
}
