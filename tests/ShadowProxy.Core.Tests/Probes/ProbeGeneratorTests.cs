using System.Globalization;
using System.Text.RegularExpressions;
using ShadowProxy.Core.Probes;

namespace ShadowProxy.Core.Tests.Probes;

public sealed partial class ProbeGeneratorTests
{
    private const int Draws = 1_000;

    [Fact]
    public void Primality_Tasks_AgreeWithASieveAndAreBalanced()
    {
        var sieve = PrimeSieve(100_000);
        var tasks = Draw(ProbeSuiteKind.Primality, seed: 1);

        foreach (var task in tasks)
        {
            var n = int.Parse(PrimeNumber().Match(task.Prompt).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(n, 1_000, 99_999);
            Assert.Equal(sieve[n] ? "yes" : "no", task.ExpectedAnswer);
            Assert.True(sieve[n] || (n % 2 != 0 && n % 3 != 0 && n % 5 != 0), $"{n} is visibly composite");
        }

        Assert.InRange(tasks.Count(t => t.ExpectedAnswer == "yes") / (double)Draws, 0.45, 0.55);
    }

    [Fact]
    public void HappyNumbers_Tasks_CountMatchesAnIndependentCycleCheck()
    {
        foreach (var task in Draw(ProbeSuiteKind.HappyNumbers, seed: 2))
        {
            var range = Between().Match(task.Prompt);
            var from = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.InRange(from, 1_000, 9_999);
            Assert.InRange(to, 1_000, 9_999);
            Assert.InRange(to - from + 1, 10, 13);
            var count = Enumerable.Range(from, to - from + 1).Count(IsHappyBySeenSet);
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), task.ExpectedAnswer);
        }
    }

    [Fact]
    public void Arithmetic_Tasks_ResultMatchesThePromptsExpression()
    {
        var operators = new HashSet<char>();
        foreach (var task in Draw(ProbeSuiteKind.Arithmetic, seed: 3))
        {
            var match = Expression().Match(task.Prompt);
            var left = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var op = match.Groups[2].Value[0];
            var right = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
            Assert.InRange(left, 10, 999);
            Assert.InRange(right, 10, 999);
            operators.Add(op);
            var expected = op == '+' ? left + right : op == '-' ? left - right : left * right;
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), task.ExpectedAnswer);
        }

        Assert.Equal(['*', '+', '-'], operators.Order());
    }

    [Fact]
    public void JsonSchema_Tasks_ExpectTheNameAndAgeThePromptStates()
    {
        foreach (var task in Draw(ProbeSuiteKind.JsonSchema, seed: 4))
        {
            var sentence = Sentence().Match(task.Prompt);
            Assert.True(sentence.Success, task.Prompt);
            var expected = $"{{\"name\":\"{sentence.Groups[1].Value}\",\"age\":{sentence.Groups[2].Value}}}";
            Assert.Equal(expected, task.ExpectedAnswer);
            Assert.Equal(JsonExtractionProbes.Schema, task.JsonSchemaText);
        }
    }

    [Fact]
    public void LetterFidelity_Tasks_ExpectThePromptsLetterInLowercase()
    {
        var letters = new HashSet<string>();
        foreach (var task in Draw(ProbeSuiteKind.LetterFidelity, seed: 5))
        {
            var letter = Letter().Match(task.Prompt).Groups[1].Value;
            Assert.Equal(letter.ToLowerInvariant(), task.ExpectedAnswer);
            letters.Add(task.ExpectedAnswer);
        }

        Assert.Equal(23, letters.Count);
        Assert.DoesNotContain("x", letters);
    }

    [Theory]
    [InlineData("primality")]
    [InlineData("happy_numbers")]
    [InlineData("arithmetic")]
    [InlineData("json_schema")]
    [InlineData("letter_fidelity")]
    public void Generate_SameSeed_SameTasks(string suiteName)
    {
        Assert.True(ProbeSuites.TryParse(suiteName, out var suite));
        var first = Draw(suite, seed: 42, count: 50);

        Assert.Equal(first, Draw(suite, seed: 42, count: 50));
        Assert.NotEqual(first, Draw(suite, seed: 43, count: 50));
        Assert.All(first, task => Assert.Equal(suite, task.Suite));
        Assert.All(first, task => Assert.StartsWith(ProbeSuites.NameOf(suite) + ":", task.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Id_SameContent_SameId()
    {
        var tasks = Draw(ProbeSuiteKind.Arithmetic, seed: 6);

        Assert.All(tasks.GroupBy(t => t.Id), group => Assert.Single(group.Select(t => t.Prompt).Distinct()));
    }

    private static List<ProbeTask> Draw(ProbeSuiteKind suite, int seed, int count = Draws)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => ProbeGenerator.Generate(suite, random))];
    }

    private static bool[] PrimeSieve(int limit)
    {
        var isPrime = Enumerable.Repeat(true, limit + 1).ToArray();
        isPrime[0] = isPrime[1] = false;
        for (var p = 2; p * p <= limit; p++)
        {
            for (var multiple = p * p; isPrime[p] && multiple <= limit; multiple += p)
            {
                isPrime[multiple] = false;
            }
        }

        return isPrime;
    }

    private static bool IsHappyBySeenSet(int n)
    {
        var seen = new HashSet<int>();
        while (n != 1 && seen.Add(n))
        {
            n = n.ToString(CultureInfo.InvariantCulture).Sum(d => (d - '0') * (d - '0'));
        }

        return n == 1;
    }

    [GeneratedRegex(@"^Is (\d+) a prime number\?")]
    private static partial Regex PrimeNumber();

    [GeneratedRegex(@"between (\d+) and (\d+)")]
    private static partial Regex Between();

    [GeneratedRegex(@"^What is (\d+) ([+\-*]) (\d+)\?")]
    private static partial Regex Expression();

    [GeneratedRegex(@"'([A-Z][a-z]+ [A-Z][a-z]+) is (\d+) years old\.'$")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"starts with the letter ([A-Z])\.$")]
    private static partial Regex Letter();
}
