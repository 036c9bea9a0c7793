using System.Text;

namespace ShadowProxy.Core.Normalization;

/// <summary>Merges streamed tool-call fragments: id and name arrive once (or in pieces), arguments in pieces.</summary>
internal sealed class ToolCallAccumulator
{
    private readonly StringBuilder _name = new();
    private readonly StringBuilder _arguments = new();

    public string? Id { get; set; }

    public void AppendName(string? fragment) => _name.Append(fragment);

    public void AppendArguments(string? fragment) => _arguments.Append(fragment);

    public bool HasArguments => _arguments.Length > 0;

    /// <summary>Replaces the fragments with a finished call (streams repeat the whole item when it is done).</summary>
    public void Complete(string? id, string? name, string? arguments)
    {
        Id = id ?? Id;
        if (name is not null)
        {
            _name.Clear().Append(name);
        }

        if (arguments is not null)
        {
            _arguments.Clear().Append(arguments);
        }
    }

    public NormalizedToolCall Build() => new() { Id = Id, Name = _name.ToString(), Arguments = _arguments.ToString() };
}
