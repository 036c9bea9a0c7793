using ShadowProxy.Core.Probes;

namespace ShadowProxy.Core.Tests.Probes;

public sealed class GroundTruthTests
{
    /// <summary>OEIS A007770, the happy numbers up to 100.</summary>
    private static readonly int[] HappyUpTo100 = [1, 7, 10, 13, 19, 23, 28, 31, 32, 44, 49, 68, 70, 79, 82, 86, 91, 94, 97, 100];

    private static readonly int[] PrimesBelow100 =
        [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

    [Fact]
    public void IsPrime_UpTo100_MatchesKnownPrimes() =>
        Assert.Equal(PrimesBelow100, Enumerable.Range(0, 101).Where(n => GroundTruth.IsPrime(n)));

    [Theory]
    [InlineData(1009, true)]
    [InlineData(7919, true)]
    [InlineData(9973, true)]
    [InlineData(10007, true)]
    [InlineData(99989, true)]
    [InlineData(99991, true)]
    [InlineData(10001, false)] // 73 * 137
    [InlineData(41041, false)] // a Carmichael number: 7 * 11 * 13 * 41
    [InlineData(96721, false)] // 311 squared
    public void IsPrime_FourAndFiveDigitNumbers_IsExact(long n, bool expected) => Assert.Equal(expected, GroundTruth.IsPrime(n));

    [Fact]
    public void IsHappy_UpTo100_MatchesOeisA007770() =>
        Assert.Equal(HappyUpTo100, Enumerable.Range(0, 101).Where(n => GroundTruth.IsHappy(n)));

    [Fact]
    public void CountHappy_UpTo1000_Is143() => Assert.Equal(143, GroundTruth.CountHappy(1, 1000));

    [Fact]
    public void CountHappy_ClosedRange_IncludesBothEnds() => Assert.Equal(3, GroundTruth.CountHappy(7, 13));
}
