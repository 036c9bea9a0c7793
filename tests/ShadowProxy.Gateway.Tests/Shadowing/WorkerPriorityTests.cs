using System.Collections.Concurrent;
using ShadowProxy.Gateway.Tests.Infrastructure;
using ShadowProxy.Simulator.Hosting;
using ShadowProxy.Simulator.Profiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShadowProxy.Yarp.Pairs;
using ShadowProxy.Yarp.Shadowing.Budget;
using ShadowProxy.Yarp.Shadowing.Dispatch;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Gateway.Tests.Shadowing;

/// <summary>
/// Shadow jobs (parse, budget, comparison, recording) run at the lowest OS priority by default, checked against what
/// the kernel reports for the running thread (/proc/thread-self/stat), so a saturated process spends its CPU on clients first.
/// </summary>
public sealed class WorkerPriorityTests
{
    [Fact]
    public async Task Scheduler_RunsWorkAndItsContinuations_AtNice19()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "thread nice values are a Linux feature");
        using var scheduler = new LowPriorityTaskScheduler(2);

        var (before, after) = await Task.Factory.StartNew(async () =>
        {
            var first = ThreadPriorities.CurrentNice();
            await Task.Delay(10, TestContext.Current.CancellationToken);
            return (first, ThreadPriorities.CurrentNice());
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();

        Assert.True(scheduler.Lowered);
        Assert.Equal((ThreadPriorities.LowestNice, ThreadPriorities.LowestNice), (before, after));
        Assert.NotEqual(ThreadPriorities.LowestNice, ThreadPriorities.CurrentNice());
    }

    [Fact]
    public async Task Scheduler_AfterDisposal_StillRunsWhatIsQueued()
    {
        var scheduler = new LowPriorityTaskScheduler(1);
        scheduler.Dispose();

        var ran = await Task.Factory.StartNew(() => true, CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(ran);
    }

    [Theory]
    [InlineData(null, ThreadPriorities.LowestNice)]
    [InlineData("Normal", null)]
    public async Task JobsRunAndPairsAreRecorded_AtTheConfiguredPriority(string? priority, int? expectedNice)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "thread nice values are a Linux feature");
        var seen = new ConcurrentQueue<int?>();
        var budgeted = new ConcurrentQueue<int?>();
        var primary = await TestUpstream.StartAsync();
        await using var _ = primary;
        await using var baseline = await SimulatorServer.StartAsync(new SimulatorOptions { Profile = BuiltInProfiles.Instant }, TestContext.Current.CancellationToken);
        var settings = ShadowSetup.Settings(baseline.BaseUri, priority is null ? null : new Dictionary<string, string?> { ["Shadowing:WorkerPriority"] = priority });
        await using var gateway = await TestGateway.StartAsync(primary.BaseUri, settings,
            services: s => s.AddSingleton<IPairObserver>(new NiceRecorder(seen)).Replace(ServiceDescriptor.Singleton<IShadowBudget>(new NiceBudget(budgeted))));
        using var client = gateway.ProxyClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(BaselineRequestTests.Chat($$"""{"model":"m","messages":[{"role":"user","content":"question {{i}}"}]}"""), TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(() => seen.Count >= 3, TimeSpan.FromSeconds(30), "three recorded pairs");
        Assert.All(seen, nice => Assert.Equal(expectedNice ?? ThreadPriorities.CurrentNice(), nice));
        // The budget is taken before the baseline call: the job itself, not only its recording, runs at that priority.
        Assert.True(budgeted.Count >= 3);
        Assert.All(budgeted, nice => Assert.Equal(expectedNice ?? ThreadPriorities.CurrentNice(), nice));
    }

    private sealed class NiceBudget(ConcurrentQueue<int?> seen) : IShadowBudget
    {
        public ValueTask<bool> TryAcquireAsync(RoutePolicy policy, CancellationToken cancellationToken)
        {
            seen.Enqueue(ThreadPriorities.CurrentNice());
            return ValueTask.FromResult(true);
        }

        public ValueTask AddTokensAsync(RoutePolicy policy, long tokens, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class NiceRecorder(ConcurrentQueue<int?> seen) : IPairObserver
    {
        public ValueTask OnPairAsync(PairRecord pair, CancellationToken cancellationToken)
        {
            seen.Enqueue(ThreadPriorities.CurrentNice());
            return ValueTask.CompletedTask;
        }
    }
}
