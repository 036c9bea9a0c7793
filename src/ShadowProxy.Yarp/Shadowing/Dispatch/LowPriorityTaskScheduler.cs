using System.Collections.Concurrent;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// Runs work on dedicated threads at the lowest OS priority (nice 19 on Linux); its awaits resume here too, since an
/// await resumes on the scheduler it started on. The shadow workers' loops run here, so shadowing only gets the CPU the
/// proxied traffic leaves idle.
/// </summary>
internal sealed class LowPriorityTaskScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread[] _threads;

    [ThreadStatic]
    private static LowPriorityTaskScheduler? t_owner;

    public LowPriorityTaskScheduler(int threads)
    {
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(Run) { IsBackground = true, Name = $"shadowproxy-worker-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Whether the OS accepted the lower priority for every thread (false where it is not supported).</summary>
    public bool Lowered { get; private set; } = true;

    public override int MaximumConcurrencyLevel => _threads.Length;

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    protected override void QueueTask(Task task)
    {
        // Continuations of work still in flight at disposal finish on the thread pool rather than being lost.
        if (!_tasks.IsAddingCompleted)
        {
            try
            {
                _tasks.Add(task);
                return;
            }
            catch (InvalidOperationException)
            {
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Scheduler.TryExecuteTask(state.Task), (Scheduler: this, Task: task), preferLocal: false);
    }

    /// <summary>Only the scheduler's own threads run its tasks inline; anyone else's thread would lend them its priority.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        ReferenceEquals(t_owner, this) && !taskWasPreviouslyQueued && TryExecuteTask(task);

    public void Dispose() => _tasks.CompleteAdding();

    private void Run()
    {
        t_owner = this;
        if (!ThreadPriorities.TryLowerCurrentThread())
        {
            Lowered = false;
        }

        foreach (var task in _tasks.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
