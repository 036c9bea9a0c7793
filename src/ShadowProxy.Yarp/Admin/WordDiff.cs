using DiffPlex;

namespace ShadowProxy.Yarp.Admin;

/// <summary>A word-level diff from baseline to primary (DiffPlex), as equal/delete/insert runs for the pair viewer.</summary>
internal static class WordDiff
{
    private static readonly char[] Separators = [' ', '\n', '\t', '\r'];

    public static IReadOnlyList<DiffOp> Between(string baseline, string primary)
    {
        var result = Differ.Instance.CreateWordDiffs(baseline, primary, ignoreWhitespace: false, ignoreCase: false, Separators);
        var ops = new List<DiffOp>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(ops, "equal", result.PiecesOld, a, block.DeleteStartA - a);
            Add(ops, "delete", result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(ops, "insert", result.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(ops, "equal", result.PiecesOld, a, result.PiecesOld.Count - a);
        return ops;
    }

    private static void Add(List<DiffOp> ops, string op, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var text = string.Concat(pieces.Skip(start).Take(count));
        if (ops.Count > 0 && ops[^1].Op == op)
        {
            ops[^1] = ops[^1] with { Text = ops[^1].Text + text };
            return;
        }

        ops.Add(new DiffOp(op, text));
    }
}
