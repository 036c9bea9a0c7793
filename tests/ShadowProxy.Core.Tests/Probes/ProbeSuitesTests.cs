using ShadowProxy.Core.Probes;

namespace ShadowProxy.Core.Tests.Probes;

public sealed class ProbeSuitesTests
{
    [Theory]
    [InlineData("primality", nameof(ProbeSuiteKind.Primality))]
    [InlineData("happy_numbers", nameof(ProbeSuiteKind.HappyNumbers))]
    [InlineData("arithmetic", nameof(ProbeSuiteKind.Arithmetic))]
    [InlineData("json_schema", nameof(ProbeSuiteKind.JsonSchema))]
    [InlineData("letter_fidelity", nameof(ProbeSuiteKind.LetterFidelity))]
    [InlineData(" Happy_Numbers ", nameof(ProbeSuiteKind.HappyNumbers))]
    public void TryParse_ConfigName_FindsSuite(string name, string expectedMember)
    {
        Assert.True(ProbeSuites.TryParse(name, out var suite));
        Assert.Equal(expectedMember, suite.ToString());
    }

    [Theory]
    [InlineData("HappyNumbers")]
    [InlineData("happy-numbers")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? name) => Assert.False(ProbeSuites.TryParse(name, out _));

    [Fact]
    public void NameOf_EverySuite_RoundTripsThroughTryParse()
    {
        foreach (var suite in ProbeSuites.All)
        {
            Assert.True(ProbeSuites.TryParse(ProbeSuites.NameOf(suite), out var parsed));
            Assert.Equal(suite, parsed);
        }

        Assert.Equal(5, ProbeSuites.All.Count);
    }
}
