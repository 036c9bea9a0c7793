using ShadowProxy.LoadBench.Soak;

namespace ShadowProxy.LoadBench.Tests;

public sealed class ShadowAccountingScrapeTests
{
    [Fact]
    public void Parse_CountsSampledAndProbeDecisions_AndSumsOutcomesAcrossRoutes()
    {
        const string Metrics = """
            # TYPE shadowproxy_shadow_decisions_total counter
            shadowproxy_shadow_decisions_total{route="openai",decision="sampled"} 90
            shadowproxy_shadow_decisions_total{route="openai",decision="probe"} 10
            shadowproxy_shadow_decisions_total{route="openai",decision="not_sampled"} 900
            # TYPE shadowproxy_shadow_outcomes_total counter
            shadowproxy_shadow_outcomes_total{route="openai",outcome="paired"} 95
            shadowproxy_shadow_outcomes_total{route="openai",outcome="baseline_error"} 4
            shadowproxy_shadow_outcomes_total{route="other",outcome="paired"} 1
            """;

        var scrape = ShadowAccountingScrape.Parse(Metrics);

        Assert.Equal(100, scrape.Sampled);
        Assert.Equal(96, scrape.Outcomes["paired"]);
        Assert.Equal(100, scrape.TotalOutcomes);
        Assert.True(scrape.Balanced);
    }

    [Fact]
    public void Parse_AnOutcomeShort_IsNotBalanced()
    {
        var scrape = ShadowAccountingScrape.Parse("""
            shadowproxy_shadow_decisions_total{route="openai",decision="sampled"} 3
            shadowproxy_shadow_outcomes_total{route="openai",outcome="paired"} 2
            """);

        Assert.False(scrape.Balanced);
    }
}
