using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Tests.Comparison;

public sealed class TextSimilarityTests
{
    private static int[] Words(string text) => WordTokens.Hash(text, 2_000);

    [Fact]
    public void F1_PartialOverlap_MatchesHandComputation()
    {
        // 6 and 4 words sharing "the" (once, as a multiset) and "cat": P = 2/4, R = 2/6, F1 = 0.4.
        Assert.Equal(0.4, TokenOverlap.F1(Words("the cat sat on the mat"), Words("the cat was there")), 10);
    }

    [Fact]
    public void F1_IdenticalAndDisjoint_AreOneAndZero()
    {
        Assert.Equal(1.0, TokenOverlap.F1(Words("a b c"), Words("C B A")));
        Assert.Equal(0.0, TokenOverlap.F1(Words("a b c"), Words("x y z")));
    }

    [Fact]
    public void RougeL_ClassicExample_MatchesHandComputation()
    {
        // LCS("police killed the gunman", "police kill the gunman") = 3 → P = R = F = 3/4.
        Assert.Equal(0.75, RougeL.FMeasure(Words("police killed the gunman"), Words("police kill the gunman")), 10);
    }

    [Fact]
    public void Lcs_LongRandomSequences_MatchesDynamicProgramming()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var a = Enumerable.Range(0, random.Next(1, 300)).Select(_ => random.Next(8)).ToArray();
            var b = Enumerable.Range(0, random.Next(1, 300)).Select(_ => random.Next(8)).ToArray();

            Assert.Equal(ReferenceLcs(a, b), RougeL.LongestCommonSubsequence(a, b));
        }
    }

    [Fact]
    public void Hash_CapAndCjk_SplitsCharactersAndCaps()
    {
        Assert.Equal(4, WordTokens.Hash("我无法帮助", 4).Length);
        Assert.Equal(3, WordTokens.Hash("one two three four", 3).Length);
        Assert.Equal(Words("Hello"), Words("hello"));
    }

    [Fact]
    public void CountWords_MixedWhitespace_CountsRuns() => Assert.Equal(3, WordTokens.CountWords("  a\tb\n\nc "));

    private static int ReferenceLcs(int[] a, int[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}
