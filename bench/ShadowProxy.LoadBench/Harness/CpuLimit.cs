using System.Globalization;

namespace ShadowProxy.LoadBench.Harness;

/// <summary>
/// A CPU limit on one system's processes, the way Kubernetes enforces `resources.limits.cpu`: a cgroup of its own with
/// a CFS quota per 100 ms period (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us`). While it is on, the system, not
/// the load generator's core, is what runs out of CPU, so its saturation throughput measures its own cost.
/// </summary>
internal sealed class CpuLimit : IDisposable
{
    private const int PeriodMicroseconds = 100_000;
    private const string Root = "/sys/fs/cgroup";
    private readonly string _directory;
    private readonly bool _v1;
    private readonly int _quota;

    private CpuLimit(string directory, bool v1, double cores)
    {
        _directory = directory;
        _v1 = v1;
        _quota = (int)Math.Round(cores * PeriodMicroseconds);
    }

    /// <summary>Moves the process tree of <paramref name="rootId"/> into a cgroup of its own, not yet limited.</summary>
    public static CpuLimit Create(string name, int rootId, double cores)
    {
        var v1 = Directory.Exists(Path.Join(Root, "cpu")) && File.Exists(Path.Join(Root, "cpu", "cpu.cfs_quota_us"));
        string parent;
        if (v1)
        {
            parent = Path.Join(Root, "cpu", "shadowproxy-bench");
        }
        else
        {
            parent = Path.Join(Root, "shadowproxy-bench");
            File.AppendAllText(Path.Join(Root, "cgroup.subtree_control"), "+cpu");
            Directory.CreateDirectory(parent);
            File.AppendAllText(Path.Join(parent, "cgroup.subtree_control"), "+cpu");
        }

        var directory = Path.Join(parent, name);
        Directory.CreateDirectory(directory);
        foreach (var id in ProcessMeter.Tree(rootId))
        {
            File.AppendAllText(Path.Join(directory, "cgroup.procs"), id.ToString(CultureInfo.InvariantCulture));
        }

        var limit = new CpuLimit(directory, v1, cores);
        limit.Lift();
        return limit;
    }

    public void Apply() => Write(_quota);

    public void Lift() => Write(null);

    private void Write(int? quota)
    {
        if (_v1)
        {
            File.WriteAllText(Path.Join(_directory, "cpu.cfs_period_us"), PeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Join(_directory, "cpu.cfs_quota_us"), (quota ?? -1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            File.WriteAllText(Path.Join(_directory, "cpu.max"), string.Create(CultureInfo.InvariantCulture, $"{(quota is { } q ? q.ToString(CultureInfo.InvariantCulture) : "max")} {PeriodMicroseconds}"));
        }
    }

    /// <summary>Lifts the limit; the cgroup goes away with its processes (an empty one is removed here).</summary>
    public void Dispose()
    {
        Lift();
        try
        {
            Directory.Delete(_directory);
        }
        catch (IOException)
        {
            // Still holds processes: the systems are stopped after the limits are disposed of.
        }
    }
}
