using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ShadowProxy.LoadBench.Load;

/// <summary>
/// Starts each request at its due time from a dedicated thread. Timer and thread-pool wake-ups on a busy core run
/// milliseconds late, and lateness would be charged to the system under test; microsecond sleeps plus a short spin
/// keep the send within a few tens of microseconds of its due time without spinning the load core away.
/// </summary>
internal static partial class SendSchedule
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 10_000; // the last 100 µs

    /// <summary>Calls <paramref name="send"/> with (index, due timestamp) for each of <paramref name="count"/> requests.</summary>
    public static Task RunAsync(int count, double rate, Action<int, long> send, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
                {
                    var due = start + (long)(i * Stopwatch.Frequency / rate);
                    WaitUntil(due);
                    send(i, due);
                }

                done.SetResult();
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        })
        {
            IsBackground = true,
            Name = "load schedule",
            Priority = ThreadPriority.Highest,
        };
        thread.Start();
        return done.Task;
    }

    private static void WaitUntil(long due)
    {
        while (due - Stopwatch.GetTimestamp() is var left && left > SpinTicks)
        {
            var microseconds = (left - SpinTicks) * 1_000_000 / Stopwatch.Frequency;
            _ = Usleep((uint)Math.Min(microseconds, 100_000));
        }

        while (Stopwatch.GetTimestamp() < due)
        {
            Thread.SpinWait(20);
        }
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int Usleep(uint microseconds);
}
