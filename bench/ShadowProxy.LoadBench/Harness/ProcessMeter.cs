using System.Globalization;
using System.Runtime.InteropServices;

namespace ShadowProxy.LoadBench.Harness;

/// <summary>CPU time and memory of a process and its children (nginx's workers), read from the kernel.</summary>
internal static partial class ProcessMeter
{
    private static readonly double SecondsPerTick = 1.0 / ClockTicksPerSecond();

    /// <summary>
    /// User plus system CPU seconds used so far by the process tree: to the nanosecond from each process's CPU-time
    /// clock, else from /proc in clock ticks. A tick is 10 ms, as much as a light stage's whole shadowing cost.
    /// </summary>
    public static double CpuSeconds(int rootId) => Tree(rootId).Sum(ProcessCpuSeconds);

    private static double ProcessCpuSeconds(int id) =>
        ClockGetTime(CpuClockOf(id), out var now) == 0 ? now.Seconds + now.Nanoseconds / 1e9
        : Stat(id) is { } fields ? (Tick(fields[11]) + Tick(fields[12])) * SecondsPerTick
        : 0;

    /// <summary>
    /// The clock clock_getcpuclockid(3) gives for a process: CPU time of all its threads, exited ones included
    /// (Linux encodes it as the bitwise complement of the pid, shifted, with CPUCLOCK_SCHED).
    /// </summary>
    private static int CpuClockOf(int id) => (~id << 3) | 2;

    /// <summary>Resident memory now, summed over the tree, in MiB.</summary>
    public static double RssMiB(int rootId) => Tree(rootId).Sum(id => StatusKiB(id, "VmRSS:")) / 1024.0;

    /// <summary>The highest resident memory each process of the tree has reached, summed, in MiB.</summary>
    public static double PeakRssMiB(int rootId) => Tree(rootId).Sum(id => StatusKiB(id, "VmHWM:")) / 1024.0;

    public static List<int> Tree(int rootId)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var id) && Stat(id) is { } fields)
            {
                parents[id] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var tree = new List<int> { rootId };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>The fields of /proc/ID/stat after the command name; index 0 is the state (field 3 in proc(5)).</summary>
    private static string[]? Stat(int id)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{id}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long StatusKiB(int id, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long Tick(string field) => long.Parse(field, CultureInfo.InvariantCulture);

    private static int ClockTicksPerSecond()
    {
        using var getconf = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd().Trim();
        getconf.WaitForExit();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) ? ticks : 100;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out Timespec time);
}
