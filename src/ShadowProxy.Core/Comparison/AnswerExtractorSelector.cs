using ShadowProxy.Core.Normalization;

namespace ShadowProxy.Core.Comparison;

/// <summary>
/// Chooses the extractor for one pair. An explicit profile kind wins. Auto, in order: a configured JSON path;
/// a JSON response format (its answer-like field, else the whole canonical JSON); a bracketed label set offered
/// by the prompt ("[Yes] or [No]"); <c>\boxed</c> in the prompt or either response; lettered options in the
/// prompt; a closed set of labels named in words ("positive, negative or neutral"); an "Answer:" instruction; a numeric question whose baseline answer ends on a number (final number);
/// otherwise the whole normalized text.
/// The same inputs always pick the same extractor, so reference answers can be extracted identically.
/// </summary>
internal static class AnswerExtractorSelector
{
    public static IAnswerExtractor Select(ComparisonProfile profile, RequestFacts request, string baselineText, string primaryText)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.PromptText;
        return profile.Extractor switch
        {
            AnswerExtractorKind.BracketLabel => new BracketLabelExtractor(PromptAnswerFormat.LabelSet(prompt)),
            AnswerExtractorKind.Boxed => BoxedAnswerExtractor.Instance,
            AnswerExtractorKind.MultipleChoice => new MultipleChoiceExtractor(ChoiceOptions.Parse(prompt)),
            AnswerExtractorKind.AnswerColon => AnswerColonExtractor.Instance,
            AnswerExtractorKind.FinalNumber => FinalNumberExtractor.Instance,
            AnswerExtractorKind.JsonPath => new JsonPathExtractor(profile.JsonPath ?? "$"),
            AnswerExtractorKind.WholeText => WholeTextExtractor.Instance,
            _ => SelectAuto(profile, request, baselineText, primaryText),
        };
    }

    private static IAnswerExtractor SelectAuto(ComparisonProfile profile, RequestFacts request, string baselineText, string primaryText)
    {
        var prompt = request.PromptText;
        if (profile.JsonPath is { Length: > 0 } path)
        {
            return new JsonPathExtractor(path);
        }

        if (request.AsksForJson)
        {
            return JsonAnswerField.Find(baselineText) is { } field ? new JsonPathExtractor(field) : WholeTextExtractor.Instance;
        }

        if (PromptAnswerFormat.LabelSet(prompt) is { Count: > 0 } labels)
        {
            return new BracketLabelExtractor(labels);
        }

        if (PromptAnswerFormat.MentionsBoxed(prompt) || PromptAnswerFormat.MentionsBoxed(baselineText)
            || PromptAnswerFormat.MentionsBoxed(primaryText))
        {
            return BoxedAnswerExtractor.Instance;
        }

        if (ChoiceOptions.Parse(prompt) is { Count: > 0 } options)
        {
            return new MultipleChoiceExtractor(options);
        }

        if (PromptAnswerFormat.NamedLabels(prompt) is { Count: > 0 } named)
        {
            return new BracketLabelExtractor(named);
        }

        if (PromptAnswerFormat.AsksAnswerColon(prompt))
        {
            return AnswerColonExtractor.Instance;
        }

        return PromptAnswerFormat.LooksNumeric(prompt) && PromptAnswerFormat.EndsWithNumber(baselineText)
            ? FinalNumberExtractor.Instance
            : WholeTextExtractor.Instance;
    }
}
