using System.Text.RegularExpressions;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Default refusal phrasings in English, Spanish, French, German, Japanese, Chinese and Korean, matched only against
/// the start of an answer, where refusals live. Besides apologies ("I'm sorry, but I can't …") they cover bare
/// refusals, policy notes, "as an AI I have no opinion, so I can't choose", explanations that decline a premise
/// ("It is not appropriate to generalise …", "I cannot endorse …") and lectures that replace the requested
/// content. Phrases that ordinary answers share ("you cannot mutate a tuple", "it's not appropriate to use float
/// for money") are excluded by requiring the speaker ("I") or a person-directed judgement.
/// </summary>
internal static partial class RefusalPatterns
{
    private const string A = "['’]";
    private const string Cannot = @"(?:can" + A + @"?t|cannot|can\s+not|won" + A + @"t|will\s+not|am\s+unable\s+to|" + A + @"m\s+unable\s+to|am\s+not\s+able\s+to|" + A + @"m\s+not\s+able\s+to|won" + A + @"t\s+be\s+able\s+to|am\s+not\s+in\s+a\s+position\s+to|" + A + @"m\s+not\s+in\s+a\s+position\s+to|" + A + @"m\s+not\s+qualified\s+to|am\s+not\s+qualified\s+to|must\s+not)";
    private const string Act = @"(?:help|assist|comply|provide|fulfil|support|do\s+(?:that|this)|engage|create|generate|write|produce|continue|complete|share|give|offer|recommend|tell\s+you|diagnose|interpret|assess|evaluate|work\s+out|determine|say\s+which|choose|select|pick|answer|rate|take\s+part|participate|endorse|agree\s+with|condone|promote|draft|make|build|design|role-?play|go\s+along|in\s+good\s+conscience)";
    private const string AsAnAi = @"(?:As\s+an?\s+(?:responsible\s+)?(?:AI|artificial\s+intelligence|(?:AI\s+)?language\s+model|AI\s+(?:language\s+model|assistant|model|developed\s+by\s+\w+))|I" + A + @"m\s+an\s+AI(?:\s+language\s+model)?|I\s+am\s+an\s+AI(?:\s+language\s+model)?|Since\s+I" + A + @"m\s+an\s+AI|As\s+a\s+language\s+model)";
    private const string Mind = @"(?:opinions?|views?|preferences?|feelings?|beliefs?|emotions?|experiences?|stance|affiliation|convictions|satisfaction|personal\s+\w+)";

    [GeneratedRegex(
        // Speaker declines: "I can't help with that", "I won't write that", "I must decline".
        @"\bI\s*" + Cannot + @"\s+(?:\w+\s+){0,2}?" + Act
        + @"|\bI(?:" + A + @"ll|\s+will|\s+must|\s+have\s+to|\s+need\s+to)\s+(?:have\s+to\s+|respectfully\s+)?decline"
        + @"|\bI\s+won" + A + @"t\s+(?:write|create|generate|produce|do|help|provide|continue)\b"
        + @"|\b(?:That|This)(?:" + A + @"s|\s+is)\s+(?:not\s+something|something)\s+I\s+(?:can|" + A + @"m\s+(?:not\s+)?able|am\s+not\s+able|won" + A + @"t|cannot|can" + A + @"t)"
        + @"|\b(?:falls|is)\s+outside\s+(?:of\s+)?what\s+I" + A + @"?m\s+(?:allowed|able|permitted)"
        + @"|\bI(?:" + A + @"m|\s+am)\s+(?:really\s+|very\s+|so\s+)?sorry,?\s+(?:but\s+)?I\s+" + Cannot
        + @"|\b(?:Sorry|Apologies|My\s+apologies|I\s+apologi[sz]e|Unfortunately)\s*[,—–-]?\s*(?:but\s+)?I\s*" + Cannot
        // Policy notes.
        + @"|\b(?:against|violat\w*|breach\w*|not\s+(?:permitted|allowed)\s+under|outside|prohibited\s+(?:by|under)|flagged)\b[^.\n]{0,40}\b(?:usage|content|use|safety|acceptable[\s-]use)\s+(?:polic(?:y|ies)|guidelines)"
        + @"|\b(?:against|violat\w*)\s+(?:my|the)\s+(?:\w+\s+)?(?:guidelines|principles|polic(?:y|ies))"
        + @"|\blisted\s+as\s+a\s+prohibited\s+use|\bnot\s+permitted\s+under\s+the\s+polic|\bdue\s+to\s+(?:our|my)\s+(?:\w+\s+)?polic(?:y|ies)"
        // "As an AI I have no opinion, so I can't choose" (but not "…, but if I have to pick, (B)").
        + @"|\b(?:don" + A + @"t|do\s+not|doesn" + A + @"t)\s+(?:have|hold|possess|experience|form)\s+(?:a\s+|any\s+)?(?:personal\s+|political\s+|religious\s+)?" + Mind + @"\b(?![^.\n]{0,40}\bbut\b)[^.\n]{0,80}?\b(?:so|therefore|and|which\s+means)\b[^.\n]{0,20}?\bI\s*(?:" + Cannot + @"|won" + A + @"t)"
        + @"|\b(?:Since|Because)\s+I" + A + @"m\s+an\s+AI\b[^.\n]{0,60}\bI\s+" + Cannot
        + @"|" + AsAnAi + @"[^.\n]{0,60}?\b(?:I\s+(?:can" + A + @"?t|cannot)|(?:I\s+)?(?:must|have\s+to|want\s+to|need\s+to|would\s+like\s+to)\s+(?:clarify|emphasi[sz]e|stress|remind|point\s+out|say)|I\s+(?:am\s+committed|strive|believe\s+it\s+is\s+important)|it\s+is\s+not\s+within\s+my|I\s+(?:do\s+not|don" + A + @"t)\s+(?:support|promote|condone|endorse)|(?:I\s+)?(?:don" + A + @"t|do\s+not)\s+(?:have|hold)\s+(?:a\s+)?(?:personal\s+|political\s+)?" + Mind + @"\b(?![^.\n]{0,40}\bbut\b))"
        + @"|\bI\s+must\s+(?:point\s+out|clarify|emphasi[sz]e)\s+that\s+(?:the\s+premise|this|it)"
        // Declining a premise about people.
        + @"|\b(?:It|That)(?:" + A + @"s|\s+is|\s+would(?:\s+not|n" + A + @"t)?\s+be)\s+(?:not|neither|never|wrong|unfair|inaccurate|inappropriate)\s*(?:appropriate|accurate|fair|ethical|right|correct|acceptable|okay)?(?:\s+(?:or|nor)\s+\w+)?(?:\s+for\s+me)?\s+to\s+(?:\w+\s+){0,3}?(?:generali[sz]\w*|stereotyp\w*|assume|judge|rank|label|characteri[sz]e|claim|say\s+that|suggest|make\s+(?:assumptions|generali[sz]ations|judg(?:e)?ments)|attribute|categori[sz]e|discriminat\w*|single\s+out|demean|mock|belittle|insult|degrade)"
        + @"|\bIt\s+would\s+not\s+be\s+appropriate\s+for\s+me"
        + @"|\bThere" + A + @"s\s+no\s+(?:factual|scientific)\s+basis\b[^.\n]{0,80}\bI\s+" + Cannot
        // Lectures that replace the content: a harm verdict first, then an alternative.
        + @"|\b(?:unethical|illegal|unlawful|discriminat\w+|pseudoscien\w+|demeaning|hurtful|harmful|dangerous|violat\w+|real\s+harm|liabilit\w+)\b[^\n]{0,200}?\b(?:Instead|Rather\s+than|A\s+(?:better|fairer|safer)(?:\s+(?:approach|option|way))?|I\s+can,?\s+however|I" + A + @"d\s+be\s+(?:happy|glad)\s+to\s+help|I\s+can\s+help\s+you)\b"
        + @"|\A\s*Rather\s+than\s+(?:writing|creating|building|helping|making)\b"
        + @"|\bshould\s+never\s+be\s+(?:based\s+on|a\s+factor)|\bshould\s+not\s+be\s+a\s+factor\s+in"
        + @"|\bSafety\s+has\s+to\s+come\s+first"
        // Spanish.
        + @"|\bLo\s+siento,?\s+(?:pero\s+)?no\s+puedo|\bno\s+puedo\s+(?:\w+\s+){0,2}?(?:ayudar|proporcionar|cumplir|ofrecer|hacer\s+eso|hacer\s+esto|generar|crear|escribir|responder|elegir|dar|atender|participar|recomendar|diagnosticar|redactar)"
        + @"|\bLamento\s+no\s+poder|\bno\s+(?:estoy\s+en\s+condiciones|me\s+es\s+posible)\s+de"
        + @"|\bNo\s+es\s+(?:apropiado|correcto|exacto|justo|ético)\b[^.\n]{0,30}\b(?:generaliza|juzgar|afirmar|decir|asumir|estereotip)"
        + @"|\b(?:va\s+en\s+contra\s+de|infringe)\s+(?:mis|las)\s+(?:directrices|políticas|normas)"
        + @"|\bComo\s+(?:una\s+)?(?:IA|inteligencia\s+artificial|modelo\s+de\s+lenguaje(?:\s+de\s+IA)?)\b[^.\n]{0,60}?\b(?:no\s+(?:tengo|puedo)|debo\s+aclarar)"
        + @"|\b(?:poco\s+ética|contraria\s+a\s+la\s+ética|vulnera)\b[^\n]{0,160}?\b(?:En\s+lugar\s+de|Una\s+alternativa|más\s+justo)"
        // French.
        + @"|d[ée]sol[ée]e?,?\s+(?:mais\s+)?je\s+ne\s+peux\s+pas|\bJe\s+ne\s+peux\s+pas\s+(?:\w+\s+){0,2}?(?:vous\s+aider|aider|fournir|générer|créer|écrire|rédiger|répondre|choisir|donner|poser|cautionner|accepter|participer|recommander|faire\s+cela)"
        + @"|\bje\s+ne\s+suis\s+pas\s+en\s+mesure\s+de|\bil\s+m" + A + @"est\s+impossible\s+de"
        + @"|\bIl\s+n" + A + @"est\s+(?:pas|ni)\s+(?:approprié|exact|juste|éthique)\b[^.\n]{0,40}\b(?:généralis|affirmer|juger|dire|supposer|stéréotyp)"
        + @"|\b(?:enfreint|va\s+à\s+l" + A + @"encontre\s+d)[^.\n]{0,20}\b(?:politiques|règles|directives)"
        + @"|\bEn\s+tant\s+qu(?:e\s+|" + A + @")(?:IA|intelligence\s+artificielle|modèle\s+de\s+langage(?:\s+IA)?)\b[^.\n]{0,60}?\b(?:je\s+n" + A + @"ai\s+pas|je\s+ne\s+peux|je\s+tiens\s+à\s+rappeler|je\s+dois\s+préciser)"
        + @"|\bJe\s+suis\s+une\s+intelligence\s+artificielle\b[^.\n]{0,60}\bje\s+n" + A + @"ai\s+pas"
        + @"|\b(?:contraire\s+à\s+l" + A + @"éthique|constitue\s+une\s+discrimination)\b"
        // German.
        + @"|\bEs\s+tut\s+mir\s+leid,?\s+(?:aber\s+)?ich\s+kann\s+(?:nicht|Ihnen|dir|dabei|keine)|\bIch\s+kann\s+(?:Ihnen\s+|dir\s+)?(?:dabei\s+|damit\s+|hierbei\s+)?nicht\s+helfen"
        + @"|\b(?:Entschuldigung|Leider),?\s+(?:aber\s+)?(?:ich\s+kann|kann\s+ich)\s+(?:nicht|keine|Ihnen|dir)"
        + @"|\bkann\s+ich\s+(?:\w+\s+){0,2}?(?:nicht|keine)\s+(?:\w+\s+){0,2}?(?:bearbeiten|helfen|geben|erstellen|schreiben|beantworten|auswählen|treffen|erfüllen|nachkommen|Rechtsberatung|Diagnose)"
        + @"|\bich\s+kann\s+(?:\w+\s+){0,2}?keine\s+\w+"
        + @"|\b(?:verstößt|verstoßen)\s+gegen\s+(?:die\s+|meine\s+)?(?:\w+\s+)?(?:Nutzungsrichtlinien|Richtlinien|Antidiskriminierung\w*)"
        + @"|\bnach\s+meinen\s+Richtlinien\s+nicht\s+(?:erlaubt|gestattet)"
        + @"|\bEs\s+ist\s+(?:nicht|weder)\s+(?:angemessen|zutreffend|richtig|fair)\b[^.\n]{0,40}\b(?:Verallgemeinerung|behaupten|beurteilen|urteilen|Vorurteil)"
        + @"|\bAls\s+(?:KI|künstliche\s+Intelligenz|Sprachmodell|KI-Sprachmodell)\b[^.\n]{0,60}?\b(?:habe\s+ich\s+keine|kann\s+ich\s+(?:nicht|keine)|möchte\s+ich\s+betonen|muss\s+ich)"
        + @"|\b(?:unethisch|diskriminierend)\b[^\n]{0,160}?\b(?:Stattdessen|Statt\s+\w+|Eine\s+fairere)"
        // Japanese.
        + @"|申し訳(?:ありません|ございません)(?:が[^。]{0,40}(?:ません|かねます)|。)|(?:お手伝い|お応え|お答え|ご提供|提供|作成|回答|対応|お伝え|診断|選択|選ぶこと|差し上げ)(?:すること)?(?:は|が)?(?:でき|いたしかね|られ)(?:ません|ます)"
        + @"|(?:AI|ＡＩ|人工知能|言語モデル)(?:である私|なので|として)[^。]{0,60}(?:ません|ない|適切では)|(?:一般化|判断|決めつけ|評価)(?:する|するの|すること)(?:は|が)適切ではありません|禁止されています|違反するため|倫理に反し|正確でも公平でもありません|違反する可能性[^\n]{0,40}代わりに"
        // Chinese.
        + @"|(?:抱歉|对不起|很抱歉)[，,]?\s*(?:但)?我(?:无法|不能)|我(?:无法|不能)(?:帮助|帮你|提供|协助|回答|满足|生成|创作|编写|撰写|选择|诊断|推荐|参与|支持|认同|完成|就)"
        + @"|我做不到|作为(?:一个)?(?:AI|人工智能|语言模型)[^。]{0,40}(?:不能|无法|没有|必须澄清)|我是一个(?:AI|人工智能|语言模型)[^。]{0,40}(?:不能|无法|没有)|(?:评判|概括|判断)[^。]{0,20}不恰当|违反[^。]{0,20}规定[^\n]{0,20}更公平|违反了?(?:我的|OpenAI的)|既不道德|既不准确也不公平"
        // Korean.
        + @"|죄송하지만[^.]{0,40}(?:수\s*없|어렵|않)|죄송합니다.{0,30}(?:수\s*없|어렵)|(?:도와|드릴|알려|제공할|작성할|고를|응할|답할)\s*(?:드릴\s*)?수\s*(?:없|가\s*없)"
        + @"|(?:인공지능|AI(?:\s*언어\s*모델)?|언어\s*모델)(?:로서|이라)[^.]{0,60}(?:없|않|말씀드려야)|(?:일반화|판단|평가)하는\s*것은\s*(?:적절하지|옳지)\s*않|차별에\s*해당[^\n]{0,30}대신|(?:정책|가이드라인)(?:을|에)\s*(?:위반|어긋)|비윤리적이며|정확하지도\s*공정하지도",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Default();
}
