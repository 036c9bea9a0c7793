using System.Reflection;

namespace ShadowProxy.Yarp.Telemetry;

/// <summary>
/// The running build, from the one version in Directory.Build.props: `--version`, `shadowproxy_build_info` and
/// (checked by a test) the chart's appVersion all say the same.
/// </summary>
internal static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The release version, e.g. 0.2.0.</summary>
    public static string Version { get; } = Informational.Split('+')[0];

    /// <summary>The source revision the SDK stamped after '+', or "unknown" for a build outside git.</summary>
    public static string Revision { get; } = Informational.Split('+') is [_, var revision, ..] ? revision : "unknown";
}
