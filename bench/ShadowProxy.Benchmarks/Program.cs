using BenchmarkDotNet.Running;
using ShadowProxy.Benchmarks;

var benchmarks = new List<Type> { typeof(PairComparerBenchmarks), typeof(ChatStreamNormalizationBenchmarks), typeof(ResponseTeeBenchmarks), typeof(RequestScreenBenchmarks), typeof(MeterBridgeBenchmarks) };
if (LlmDriftData.Find(ReplayBenchmarks.FileName) is null)
{
    Console.WriteLine($"Skipping {nameof(ReplayBenchmarks)}: {LlmDriftData.NotFoundMessage(ReplayBenchmarks.FileName)}");
}
else
{
    benchmarks.Add(typeof(ReplayBenchmarks));
}

BenchmarkSwitcher.FromTypes([.. benchmarks]).Run(args);
