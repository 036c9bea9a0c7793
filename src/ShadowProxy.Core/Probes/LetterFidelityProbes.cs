namespace ShadowProxy.Core.Probes;

/// <summary>"Write one sentence in which every word starts with the letter X."</summary>
internal static class LetterFidelityProbes
{
    // Q, X and Z start too few English words for a sentence; a probe every model fails measures nothing.
    private const string Letters = "ABCDEFGHIJKLMNOPRSTUVWY";

    public static ProbeTask Create(Random random)
    {
        var letter = Letters[random.Next(Letters.Length)];
        var lower = char.ToLowerInvariant(letter).ToString();
        return new ProbeTask
        {
            Id = ProbeSuites.TaskId(ProbeSuiteKind.LetterFidelity, lower),
            Suite = ProbeSuiteKind.LetterFidelity,
            Prompt = $"Write one sentence in which every word starts with the letter {letter}.",
            ExpectedAnswer = lower,
        };
    }
}
