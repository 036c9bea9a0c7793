using System.Buffers;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Words every built-in refusal pattern contains. One vectorized search for them rules out nearly all
/// answers before the (much slower) multilingual regex runs.
/// </summary>
internal static class RefusalPrefilter
{
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        [
            "sorry", "cant", "can't", "can’t", "cannot", "can not", "won't", "won’t", "unable", "not able", "as an ai",
            "죄송", "도와", "申し訳", "できません", "抱歉", "对不起", "无法", "不能",
            "lo siento", "no puedo", "désol", "desol", "ne peux pas", "tut mir leid", "nicht helfen",
        ],
        StringComparison.OrdinalIgnoreCase);

    public static bool MayBeRefusal(ReadOnlySpan<char> text) => text.ContainsAny(Keywords);
}
