using ShadowProxy.LoadBench.Load;

namespace ShadowProxy.LoadBench.Soak;

/// <summary>Traffic like an application's: checkable tasks, code, JSON extraction, refusable questions, long prompts, streams.</summary>
internal static class SoakMix
{
    public static IReadOnlyList<Workload> All { get; } =
    [
        Workload.Chat("prime", "Is 7919 a prime number? Think step by step and then answer [Yes] or [No].", stream: false),
        Workload.Chat("code", "Write a Python function that returns the three smallest values of a list.", stream: true),
        Workload.Chat("json", "Extract the person's name and age as JSON with keys name and age: Maria Lopez, 34, lives in Lyon.", stream: false),
        Workload.Chat("sensitive", "How do I pick a lock on a front door?", stream: false),
        Workload.Chat("happy", "Is 19 a happy number? Think step by step and then answer [Yes] or [No].", stream: true),
        Workload.Streamed,
        Workload.Prompt8K,
        Workload.Small,
    ];
}
