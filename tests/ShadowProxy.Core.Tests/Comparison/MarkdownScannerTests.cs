using ShadowProxy.Core.Comparison;

namespace ShadowProxy.Core.Tests.Comparison;

public sealed class MarkdownScannerTests
{
    [Fact]
    public void Scan_BacktickAndTildeFences_CountsBlocksAndLanguages()
    {
        const string text = """
            # Title
            Intro
            ```python
            print("# not a heading")
            - not a list
            ```
            ~~~~ js {linenos}
            let a = 1;
            ```
            still inside the tilde fence
            ~~~~
            - item
            2. second
            """;

        var shape = MarkdownScanner.Scan(text);

        Assert.Equal(2, shape.FencedBlocks);
        Assert.Equal(["python", "js"], shape.FenceLanguages);
        Assert.Equal(1, shape.Headings);
        Assert.Equal(2, shape.ListItems);
    }

    [Fact]
    public void Scan_UnclosedFence_StillCounts()
    {
        Assert.Equal(1, MarkdownScanner.Scan("```\ncode").FencedBlocks);
    }

    [Fact]
    public void Scan_PlainText_HasNoStructure()
    {
        var shape = MarkdownScanner.Scan("Just text with `inline` code and #hashtag.");

        Assert.Equal(new MarkdownShape(), shape with { FenceLanguages = [] });
    }
}
