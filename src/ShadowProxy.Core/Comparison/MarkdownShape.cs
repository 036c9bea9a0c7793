namespace ShadowProxy.Core.Comparison;

/// <summary>The markdown structure of an answer: fenced blocks, their languages, headings and list items.</summary>
internal sealed record MarkdownShape
{
    public int FencedBlocks { get; init; }

    public IReadOnlyList<string> FenceLanguages { get; init; } = [];

    public int Headings { get; init; }

    public int ListItems { get; init; }
}
