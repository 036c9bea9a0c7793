using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Gateway.Tests.Shadowing;

public sealed class PooledCaptureTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4096)]
    [InlineData(20_000)]
    [InlineData(300_000)]
    public void Append_InChunksOfAnySize_GivesBackExactlyTheBytes(int size)
    {
        var random = new Random(size);
        var expected = new byte[size];
        random.NextBytes(expected);
        var budget = new CaptureBudget(16 * 1024 * 1024);
        using var capture = new PooledCapture(1024 * 1024, budget);

        for (var offset = 0; offset < size;)
        {
            var count = Math.Min(random.Next(1, 70_000), size - offset);
            Assert.True(capture.Append(expected.AsSpan(offset, count)));
            offset += count;
        }

        using var read = new MemoryStream();
        capture.AsReadStream().CopyTo(read);
        Assert.Equal(expected, capture.Memory.ToArray());
        Assert.Equal(expected, read.ToArray());
        Assert.Equal(size, capture.Length);
        Assert.InRange(budget.ReservedBytes, size, size + 64 * 1024);
    }

    [Fact]
    public void Budget_IsChargedPerSegment_StopsTheCaptureWhenSpent_AndIsReleasedOnDispose()
    {
        var budget = new CaptureBudget(100 * 1024);
        var other = new PooledCapture(1024 * 1024, budget);
        Assert.True(other.Append(new byte[50_000]));

        using (var capture = new PooledCapture(1024 * 1024, budget))
        {
            Assert.False(capture.Append(new byte[200_000]));
            Assert.True(capture.Overflowed);
            Assert.True(capture.OverBudget);
            Assert.InRange(budget.ReservedBytes, 1, budget.LimitBytes);
        }

        other.Dispose();
        Assert.Equal(0, budget.ReservedBytes);
    }

    [Fact]
    public void BodyOverItsOwnCap_OverflowsWithoutBlamingTheBudget()
    {
        using var capture = new PooledCapture(10_000, new CaptureBudget(1024 * 1024));

        Assert.True(capture.Append(new byte[9_000]));
        Assert.False(capture.Append(new byte[2_000]));
        Assert.True(capture.Overflowed);
        Assert.False(capture.OverBudget);
    }
}
