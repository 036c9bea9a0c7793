using System.Net;
using System.Net.Sockets;

namespace ShadowProxy.Yarp.Admin;

/// <summary>
/// Slows token guessing on /admin/*: after <see cref="FailureLimit"/> wrong bearer tokens or logins from one address
/// within <see cref="Window"/> (counted from the first failure), that address gets 429 until the window ends, even
/// with the right token, so a guesser learns nothing while blocked. Memory is bounded by
/// <see cref="MaxTrackedAddresses"/>; an IPv6 client is counted by its /64, the block a single host usually controls.
/// </summary>
internal sealed partial class AdminAuthThrottle(TimeProvider time, ILogger<AdminAuthThrottle> logger)
{
    public const int FailureLimit = 10;
    public const int MaxTrackedAddresses = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<IPAddress, FailureWindow> _windows = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public int TrackedAddresses
    {
        get
        {
            lock (_lock)
            {
                return _windows.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="address"/> is blocked now; asked before honouring a correct token.</summary>
    public bool IsThrottled(IPAddress? address, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return Blocked(_windows.GetValueOrDefault(Key(address)), now, out retryAfter);
        }
    }

    /// <summary>
    /// Counts one failure and says whether it is over the limit (answer 429, not 401). Counting and deciding in one
    /// step keeps a concurrent burst to exactly <see cref="FailureLimit"/> answered guesses.
    /// </summary>
    public bool RecordFailure(IPAddress? address, out TimeSpan retryAfter)
    {
        var key = Key(address);
        var now = time.GetUtcNow();
        FailureWindow window;
        lock (_lock)
        {
            Sweep(now);
            if (!_windows.TryGetValue(key, out window) || now >= window.Start + Window)
            {
                window = new FailureWindow(now, 0);
            }

            window = window with { Failures = window.Failures + 1 };
            _windows[key] = window;
        }

        if (window.Failures == FailureLimit)
        {
            LogThrottled(logger, key, FailureLimit, (int)Window.TotalSeconds);
        }

        return Blocked(window with { Failures = window.Failures - 1 }, now, out retryAfter);
    }

    private static bool Blocked(FailureWindow window, DateTimeOffset now, out TimeSpan retryAfter)
    {
        var ends = window.Start + Window;
        retryAfter = window.Failures >= FailureLimit && now < ends ? ends - now : TimeSpan.Zero;
        return retryAfter > TimeSpan.Zero;
    }

    private void Sweep(DateTimeOffset now)
    {
        // Expired windows go at most once a window; if the table is still full (many addresses failing at once),
        // the oldest tenth goes, so a flood of addresses costs a bounded table and an occasional sort.
        if (now - _lastSweep >= Window)
        {
            _lastSweep = now;
            foreach (var (key, window) in _windows)
            {
                if (now >= window.Start + Window)
                {
                    _windows.Remove(key);
                }
            }
        }

        if (_windows.Count >= MaxTrackedAddresses)
        {
            foreach (var key in _windows.OrderBy(w => w.Value.Start).Take(MaxTrackedAddresses / 10).Select(w => w.Key).ToList())
            {
                _windows.Remove(key);
            }
        }
    }

    private static IPAddress Key(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Admin sign-in from {Address} throttled after {Failures} failed attempts; refused for up to {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, IPAddress address, int failures, int seconds);

    private readonly record struct FailureWindow(DateTimeOffset Start, int Failures);
}
