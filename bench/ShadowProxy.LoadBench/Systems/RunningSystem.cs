using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Systems;

/// <summary>A started system under test: where clients send `/v1/...`, which process to meter, which headers it needs.</summary>
internal sealed class RunningSystem(Uri openAiBase, PinnedProcess? process, IReadOnlyDictionary<string, string> headers, Uri? adminBase = null)
    : IAsyncDisposable
{
    /// <summary>The OpenAI base URL, ending in `/v1/`.</summary>
    public Uri OpenAiBase { get; } = openAiBase;

    /// <summary>The process serving traffic; null when clients talk to the upstream directly.</summary>
    public int? ProcessId => process?.Id;

    /// <summary>Routing headers some peers need (Portkey's provider and custom host).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>ShadowProxy's admin listener, for reading its shadow accounting after a run.</summary>
    public Uri? AdminBase { get; } = adminBase;

    public ValueTask DisposeAsync() => process?.DisposeAsync() ?? ValueTask.CompletedTask;
}
