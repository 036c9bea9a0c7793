namespace ShadowProxy.Core.Comparison;

/// <summary>One option a multiple-choice prompt offers: its letter (lower case) and its normalized text.</summary>
internal sealed record ChoiceOption(char Letter, string Text);
