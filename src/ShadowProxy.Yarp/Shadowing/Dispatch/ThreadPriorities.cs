using System.Runtime.InteropServices;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// The OS priority of one thread. .NET's Thread.Priority has no effect on Linux, where a thread is a task with its
/// own nice value; raising it needs no privilege, so this works in an unprivileged container too.
/// </summary>
internal static partial class ThreadPriorities
{
    /// <summary>The lowest priority: such a thread runs when no normal one is runnable.</summary>
    public const int LowestNice = 19;

    private const int PrioProcess = 0;

    public static bool TryLowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return SetPriority(PrioProcess, GetTid(), LowestNice) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The current thread's nice value as the kernel reports it (Linux), for checks and diagnostics.</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // /proc/thread-self/stat: field 19 is the nice value; field 2 (the name) may hold spaces, so count after ')'.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int GetTid();
}
