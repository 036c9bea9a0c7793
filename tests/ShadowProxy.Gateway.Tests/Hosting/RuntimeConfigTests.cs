using System.Text.Json.Nodes;

namespace ShadowProxy.Gateway.Tests.Hosting;

/// <summary>What the runtime reads when `dotnet shadowproxy.dll` starts: the runtimeconfig built beside the executable.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void Executable_StartsTierUpWithoutTheRuntimesDelay()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "shadowproxy.runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;

        // Under a CPU limit of one core or less the runtime's 100 ms delay becomes a second, restarted by every new
        // tier-0 method: the hot path stayed at tier 0 for over a minute at half a core.
        Assert.Equal(0, properties["System.Runtime.TieredCompilation.CallCountingDelayMs"]?.GetValue<int>());
        Assert.True(properties["System.GC.Server"]?.GetValue<bool>());
    }
}
