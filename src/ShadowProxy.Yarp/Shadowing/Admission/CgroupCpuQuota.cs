using System.Globalization;

namespace ShadowProxy.Yarp.Shadowing.Admission;

/// <summary>The CPU quota of this process's cgroup (v2 `cpu.max`, v1 `cpu.cfs_quota_us`), in cores; null when none.</summary>
internal static class CgroupCpuQuota
{
    private const string Root = "/sys/fs/cgroup";

    public static double? ReadCores()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines("/proc/self/cgroup"))
            {
                // "0::/path" (v2) or "4:cpu,cpuacct:/path" (v1).
                var parts = line.Split(':', 3);
                if (parts.Length != 3)
                {
                    continue;
                }

                if (parts[1].Length == 0 && ReadText(Path.Join(Root, parts[2], "cpu.max")) is { } max)
                {
                    return ParseCpuMax(max);
                }

                if (parts[1].Split(',').Contains("cpu"))
                {
                    foreach (var mount in new[] { "cpu", "cpu,cpuacct", "cpuacct,cpu" })
                    {
                        var directory = Path.Join(Root, mount, parts[2]);
                        if (ReadText(Path.Join(directory, "cpu.cfs_quota_us")) is { } quota && ReadText(Path.Join(directory, "cpu.cfs_period_us")) is { } period)
                        {
                            return ParseCfs(quota, period);
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No readable cgroup: the cores the process may run on are its allowance.
        }

        return null;
    }

    /// <summary>`cpu.max`: "max 100000" (no quota) or "50000 100000" (half a core).</summary>
    public static double? ParseCpuMax(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length == 2 ? Cores(fields[0], fields[1]) : null;
    }

    /// <summary>cgroup v1: a quota of -1 means none.</summary>
    public static double? ParseCfs(string quota, string period) => Cores(quota.Trim(), period.Trim());

    private static double? Cores(string quota, string period) =>
        long.TryParse(quota, NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) && q > 0
        && long.TryParse(period, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0
            ? (double)q / p
            : null;

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
