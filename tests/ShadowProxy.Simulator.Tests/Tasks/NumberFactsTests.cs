using ShadowProxy.Simulator.Tasks;

namespace ShadowProxy.Simulator.Tests.Tasks;

public sealed class NumberFactsTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(7919, true)]
    [InlineData(7917, false)]
    [InlineData(1, false)]
    [InlineData(10_007, true)]
    public void IsPrime_MatchesKnownValues(long n, bool expected) => Assert.Equal(expected, NumberFacts.IsPrime(n));

    [Fact]
    public void CountHappy_MatchesTheKnownHappyNumbersBelow50()
    {
        // 1, 7, 10, 13, 19, 23, 28, 31, 32, 44, 49 are the happy numbers up to 50 (OEIS A007770).
        Assert.Equal(11, NumberFacts.CountHappy(1, 50));
        Assert.True(NumberFacts.IsHappy(19));
        Assert.False(NumberFacts.IsHappy(4));
    }
}
