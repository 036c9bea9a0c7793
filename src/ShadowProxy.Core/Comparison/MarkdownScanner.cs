namespace ShadowProxy.Core.Comparison;

/// <summary>
/// One pass over the lines: ``` and ~~~ fences (a fence closes only with the same character and at least
/// the same length, per CommonMark), ATX headings and list items outside fences. An unclosed fence still counts.
/// </summary>
internal static class MarkdownScanner
{
    public static MarkdownShape Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = 0;
        var headings = 0;
        var listItems = 0;
        List<string>? languages = null;
        var openFenceChar = '\0';
        var openFenceLength = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimStart(' ');
            if (rawLine.Length - line.Length > 3)
            {
                continue;
            }

            var fenceLength = FenceLength(line);
            if (openFenceChar != '\0')
            {
                if (fenceLength >= openFenceLength && line[0] == openFenceChar && line[fenceLength..].Trim().IsEmpty)
                {
                    openFenceChar = '\0';
                }

                continue;
            }

            if (fenceLength > 0)
            {
                blocks++;
                openFenceChar = line[0];
                openFenceLength = fenceLength;
                var info = line[fenceLength..].Trim();
                var end = info.IndexOfAny(' ', '{');
                var language = end >= 0 ? info[..end] : info;
                if (!language.IsEmpty)
                {
                    (languages ??= []).Add(language.ToString().ToLowerInvariant());
                }
            }
            else if (IsHeading(line))
            {
                headings++;
            }
            else if (IsListItem(line))
            {
                listItems++;
            }
        }

        return new MarkdownShape { FencedBlocks = blocks, FenceLanguages = languages ?? [], Headings = headings, ListItems = listItems };
    }

    private static int FenceLength(ReadOnlySpan<char> line)
    {
        if (line.Length < 3 || line[0] is not ('`' or '~'))
        {
            return 0;
        }

        var length = 1;
        while (length < line.Length && line[length] == line[0])
        {
            length++;
        }

        return length >= 3 ? length : 0;
    }

    private static bool IsHeading(ReadOnlySpan<char> line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && (hashes == line.Length || line[hashes] == ' ');
    }

    private static bool IsListItem(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' && line[1] == ' ')
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && line.Length > digits + 1 && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }
}
