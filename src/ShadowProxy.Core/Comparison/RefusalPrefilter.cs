using System.Buffers;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Words every built-in refusal pattern contains. One vectorized search for them rules out nearly all
/// answers before the (much slower) multilingual regex runs; a pattern added to <see cref="RefusalPatterns"/>
/// must have one of these, and the labelled-set test fails when one is missing.
/// </summary>
internal static class RefusalPrefilter
{
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        [
            "sorry", "apolog", "unfortunately", "can't", "can’t", "cant", "cannot", "can not", "won't", "won’t", "will not",
            "unable", "not able", "not in a position", "not qualified", "must not", "decline", "not something", "outside",
            "polic", "guideline", "principles", "prohibited", "as an ai", "i'm an ai", "i’m an ai", "i am an ai",
            "language model", "artificial intelligence", "responsible ai", "must point out", "appropriate", "accurate",
            "fair", "wrong", "no factual", "no scientific", "unethical", "illegal", "unlawful", "discriminat",
            "pseudoscien", "demeaning", "hurtful", "harmful", "dangerous", "violat", "real harm", "liabilit",
            "rather than", "should never", "should not be a factor", "safety has",
            "lo siento", "no puedo", "lamento", "no estoy en", "no me es", "no es ", "va en contra", "infringe", "como ",
            "ética", "vulnera", "désol", "desol", "ne peux pas", "ne suis pas en mesure", "impossible", "n'est", "n’est",
            "enfreint", "encontre", "en tant qu", "intelligence artificielle", "éthique", "constitue une discrimination",
            "tut mir leid", "nicht helfen", "entschuldigung", "leider", "kann ich", "ich kann", "verstößt", "verstoßen",
            "richtlinien", "es ist ", "als ki", "als künstliche", "als sprachmodell", "unethisch", "diskriminierend",
            "申し訳", "できません", "いたしかね", "られません", "ＡＩ", "人工知能", "言語モデル", "適切ではありません", "禁止",
            "違反", "倫理に反し", "正確でも", "抱歉", "对不起", "无法", "不能", "做不到", "作为", "我是一个", "不恰当",
            "既不", "aiである", "aiなので", "aiとして", "ai言語", "죄송", "수 없", "수없", "수가 없", "인공지능", "언어 모델", "언어모델", "ai로서", "ai 언어", "ai이라",
            "적절하지", "옳지", "위반", "어긋", "비윤리", "정확하지", "차별",
        ],
        StringComparison.OrdinalIgnoreCase);

    public static bool MayBeRefusal(ReadOnlySpan<char> text) => text.ContainsAny(Keywords);
}
