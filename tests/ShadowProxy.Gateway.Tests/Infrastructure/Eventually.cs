using System.Diagnostics;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>Polls a condition until it holds; past the limit it fails the test, saying what it waited for.</summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan limit, string what) =>
        TrueAsync(() => Task.FromResult(condition()), limit, () => what);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"not within {limit}: {what()}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls until <paramref name="attempt"/> gives a value (not null) and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> attempt, TimeSpan limit, string what)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }

            Assert.True(clock.Elapsed < limit, $"not within {limit}: {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
