using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Default refusal openings in English, Korean, Japanese, Chinese, Spanish, French and German.
/// They are matched only against the start of an answer, where refusals live.
/// </summary>
internal static partial class RefusalPatterns
{
    private const string Apostrophe = "['’]";

    [GeneratedRegex(
        @"\bI(?:" + Apostrophe + @"m|\s+am)\s+(?:really\s+|very\s+|so\s+)?sorry,?\s+(?:but\s+)?I\s+(?:can" + Apostrophe + @"?t|cannot|can\s+not|won" + Apostrophe + @"t|am\s+unable|" + Apostrophe + @"m\s+unable|am\s+not\s+able)"
        + @"|\bI\s+(?:can" + Apostrophe + @"?t|cannot|can\s+not|won" + Apostrophe + @"t)\s+(?:help|assist|comply|provide|fulfill|support|do\s+that|engage)"
        + @"|\bI(?:" + Apostrophe + @"m|\s+am)\s+(?:unable|not\s+able)\s+to\s+(?:help|assist|comply|provide|fulfill)"
        + @"|\bAs\s+an\s+AI(?:\s+language\s+model)?,\s+I\s+(?:can" + Apostrophe + @"?t|cannot|don" + Apostrophe + @"t|do\s+not|am\s+not)"
        + @"|죄송하지만|죄송합니다.{0,30}(?:수\s*없|어렵)|도와\s*드릴\s*수\s*없"
        + @"|申し訳(?:ありません|ございません)(?:が|。)|お手伝いできません|お答えできません"
        + @"|(?:抱歉|对不起|很抱歉)[，,]?\s*(?:但)?我(?:无法|不能)|我无法(?:帮助|提供|协助|回答)"
        + @"|Lo\s+siento,?\s+(?:pero\s+)?no\s+puedo|No\s+puedo\s+(?:ayudar|proporcionar|cumplir|ofrecer)"
        + @"|(?:Je\s+suis\s+)?d[ée]sol[ée]e?,?\s+(?:mais\s+)?je\s+ne\s+peux\s+pas|Je\s+ne\s+peux\s+pas\s+(?:vous\s+aider|aider|fournir|r[ée]pondre)"
        + @"|Es\s+tut\s+mir\s+leid,?\s+(?:aber\s+)?ich\s+kann\s+(?:nicht|Ihnen|dir|dabei)|Ich\s+kann\s+(?:Ihnen\s+|dir\s+)?(?:dabei\s+|damit\s+)?nicht\s+helfen",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Default();
}
