namespace ShadowProxy.Core.Replay;

internal readonly record struct Column(int Index)
{
    public string? Get(string[] row) => Index >= 0 && Index < row.Length ? row[Index] : null;
}
