using ShadowProxy.Core.Drift;

namespace ShadowProxy.Core.Tests.Drift;

public sealed class PageHinkleyTests
{
    [Fact]
    public void Add_StepUp_DetectsChangeStartingAtTheStep()
    {
        var detector = new PageHinkley(new PageHinkleyOptions { Delta = 0.005, Threshold = 10 });
        var random = new Random(3);
        int? alarmAt = null;
        for (var i = 0; i < 300; i++)
        {
            var value = (i < 100 ? 0.1 : 0.6) + ((random.NextDouble() - 0.5) * 0.02);
            if (detector.Add(value))
            {
                alarmAt = i;
            }
        }

        Assert.True(detector.ChangeDetected);
        Assert.True(detector.Increased);
        Assert.InRange(detector.ChangeStartIndex!.Value, 98, 102);
        Assert.InRange(alarmAt!.Value, 100, 160);
    }

    [Fact]
    public void Add_StepDown_DetectsDecrease()
    {
        var detector = new PageHinkley(new PageHinkleyOptions { Threshold = 5 });
        for (var i = 0; i < 200; i++)
        {
            detector.Add(i < 120 ? 0.9 : 0.2);
        }

        Assert.True(detector.ChangeDetected);
        Assert.False(detector.Increased);
        Assert.Equal(120, detector.ChangeStartIndex);
    }

    [Fact]
    public void Add_StableNoise_RaisesNoAlarm()
    {
        var detector = new PageHinkley(new PageHinkleyOptions { Threshold = 10 });
        var random = new Random(5);
        for (var i = 0; i < 2_000; i++)
        {
            detector.Add(0.5 + ((random.NextDouble() - 0.5) * 0.1));
        }

        Assert.False(detector.ChangeDetected);
        Assert.Null(detector.ChangeStartIndex);
        Assert.Equal(2_000, detector.Count);
    }
}
