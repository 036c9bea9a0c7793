using System.Text.RegularExpressions;
using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Provider signals first (a <c>refusal</c> field, a <c>content_filter</c> finish), then refusal phrases —
/// only in the first <see cref="PairComparerOptions.RefusalWindowChars"/> characters, so an answer that merely
/// quotes or discusses a refusal later on is not counted.
/// </summary>
internal sealed class RefusalDetector
{
    private readonly Regex _builtIn = RefusalPatterns.Default();
    private readonly Regex[] _extraPatterns;
    private readonly int _window;

    public RefusalDetector(PairComparerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _window = options.RefusalWindowChars;
        _extraPatterns =
        [
            .. options.ExtraRefusalPatterns.Select(static p =>
                new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100))),
        ];
    }

    public bool IsRefusal(NormalizedChoice? choice)
    {
        if (choice is null)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(choice.Refusal) || choice.FinishReason == "content_filter")
        {
            return true;
        }

        return IsRefusalText(choice.Text);
    }

    public bool IsRefusalText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.AsSpan().TrimStart();
        start = start[..Math.Min(start.Length, _window)];
        if (RefusalPrefilter.MayBeRefusal(start) && _builtIn.IsMatch(start))
        {
            return true;
        }

        foreach (var pattern in _extraPatterns)
        {
            if (pattern.IsMatch(start))
            {
                return true;
            }
        }

        return false;
    }
}
