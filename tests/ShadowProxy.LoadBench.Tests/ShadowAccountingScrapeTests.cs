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

    [Fact]
    public void Since_GivesWhatHappenedBetweenTwoScrapes_AndPlusAddsStages()
    {
        var before = ShadowAccountingScrape.Parse("""
            shadowproxy_shadow_decisions_total{route="openai",decision="sampled"} 100
            shadowproxy_shadow_outcomes_total{route="openai",outcome="paired"} 90
            shadowproxy_shadow_outcomes_total{route="openai",outcome="dropped_queue_full"} 10
            """);
        var after = ShadowAccountingScrape.Parse("""
            shadowproxy_shadow_decisions_total{route="openai",decision="sampled"} 150
            shadowproxy_shadow_outcomes_total{route="openai",outcome="paired"} 130
            shadowproxy_shadow_outcomes_total{route="openai",outcome="dropped_queue_full"} 20
            """);

        var stage = after.Since(before);
        var twice = ShadowAccountingScrape.None.Plus(stage).Plus(stage);

        Assert.Equal((50, 40, 10), (stage.Sampled, stage.Outcomes["paired"], stage.Outcomes["dropped_queue_full"]));
        Assert.True(stage.Balanced);
        Assert.Equal((100, 80, 20), (twice.Sampled, twice.Outcomes["paired"], twice.Outcomes["dropped_queue_full"]));
    }
}
