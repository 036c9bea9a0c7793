using ShadowProxy.Yarp.Hosting;

namespace ShadowProxy.Gateway.Hosting;

/// <summary>How to build one gateway: command-line args, an optional --config file, and in-process overrides.</summary>
internal sealed record GatewayHostSettings
{
    public string[] Args { get; init; } = [];

    public string? ConfigFile { get; init; }

    public GatewayRole Role { get; init; } = GatewayRole.All;

    /// <summary>Applied last (the demo and tests use them to point at in-process upstreams).</summary>
    public IReadOnlyDictionary<string, string?>? Overrides { get; init; }

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Embedded in another program (demo, tests): its owner starts and stops it, not console signals.</summary>
    public bool Embedded { get; init; }
}
