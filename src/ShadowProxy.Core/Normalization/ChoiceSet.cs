namespace ShadowProxy.Core.Normalization;

/// <summary>Choices keyed by their <c>index</c>, so interleaved stream chunks land on the right choice.</summary>
internal sealed class ChoiceSet
{
    private readonly SortedDictionary<int, ChoiceAccumulator> _choices = [];

    public int Count => _choices.Count;

    public ChoiceAccumulator this[int index]
    {
        get
        {
            if (!_choices.TryGetValue(index, out var choice))
            {
                choice = new ChoiceAccumulator(index);
                _choices[index] = choice;
            }

            return choice;
        }
    }

    public bool AllFinished => _choices.Count > 0 && _choices.Values.All(static c => c.FinishReason is not null);

    public IReadOnlyList<NormalizedChoice> Build() => [.. _choices.Values.Select(static c => c.Build())];
}
