using System.Collections.Concurrent;
using ShadowProxy.Yarp.Shadowing.Policy;

namespace ShadowProxy.Yarp.Shadowing.Budget;

/// <summary>Budgets for a single process: a fixed one-minute request window and a UTC-day token count per route.</summary>
internal sealed class InMemoryShadowBudget(TimeProvider time) : IShadowBudget
{
    private readonly ConcurrentDictionary<string, RouteWindow> _routes = new(StringComparer.Ordinal);

    public ValueTask<bool> TryAcquireAsync(RoutePolicy policy, CancellationToken cancellationToken)
    {
        var limits = policy.Options.Budget;
        var window = _routes.GetOrAdd(policy.RouteId, static _ => new RouteWindow());
        var now = time.GetUtcNow();
        lock (window)
        {
            window.Roll(now);
            var withinTokens = limits.TokensPerDay == 0 || window.Tokens < limits.TokensPerDay;
            var withinRequests = limits.RequestsPerMinute == 0 || window.Requests < limits.RequestsPerMinute;
            if (!withinTokens || !withinRequests)
            {
                return ValueTask.FromResult(false);
            }

            window.Requests++;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask AddTokensAsync(RoutePolicy policy, long tokens, CancellationToken cancellationToken)
    {
        var window = _routes.GetOrAdd(policy.RouteId, static _ => new RouteWindow());
        lock (window)
        {
            window.Roll(time.GetUtcNow());
            window.Tokens += tokens;
        }

        return ValueTask.CompletedTask;
    }

    private sealed class RouteWindow
    {
        private long _minute = -1;
        private DateOnly _day;

        public long Requests { get; set; }

        public long Tokens { get; set; }

        public void Roll(DateTimeOffset now)
        {
            var minute = now.ToUnixTimeSeconds() / 60;
            if (minute != _minute)
            {
                _minute = minute;
                Requests = 0;
            }

            var day = DateOnly.FromDateTime(now.UtcDateTime);
            if (day != _day)
            {
                _day = day;
                Tokens = 0;
            }
        }
    }
}
