using System.CommandLine;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy [serve|demo|replay|report|drift accept|config check]`; bare `shadowproxy` serves.</summary>
internal static class ShadowProxyCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("ShadowProxy: an OpenAI-compatible gateway that shadows a sample of traffic to a pinned baseline model and measures drift.");
        ServeCommand.Configure(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(DriftCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        return root;
    }
}
