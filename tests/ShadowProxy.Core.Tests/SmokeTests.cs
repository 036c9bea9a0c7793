namespace ShadowProxy.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Marker_Exists() => Assert.NotNull(typeof(AssemblyMarker).Assembly);
}
