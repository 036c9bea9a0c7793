namespace ShadowProxy.Simulator.Profiles;

/// <summary>How a simulated model family behaves. Every probability is drawn from a seeded source.</summary>
public sealed record SimulatorProfile
{
    public required string Name { get; init; }

    /// <summary>The `model` the simulator reports it served.</summary>
    public required string Model { get; init; }

    public string SystemFingerprint { get; init; } = "fp_sim0001";

    public TimeSpan TimeToFirstToken { get; init; }

    /// <summary>Pause between streamed chunks, and the per-token cost of a non-streamed answer.</summary>
    public TimeSpan TokenInterval { get; init; }

    /// <summary>
    /// Whether a non-streamed answer also waits for its first token and every token. Off, one upstream can answer
    /// JSON instantly and pace streams, as the benchmark needs.
    /// </summary>
    public bool PaceWholeAnswers { get; init; } = true;

    /// <summary>Chance of answering a task with a checkable answer (primality, counting, arithmetic) correctly.</summary>
    public double TaskAccuracy { get; init; } = 0.9;

    /// <summary>Words of step-by-step reasoning before the final answer; 0 answers tersely.</summary>
    public int ReasoningWords { get; init; } = 60;

    /// <summary>Chance of wrapping generated code in a ``` fence.</summary>
    public double CodeFenceRate { get; init; }

    /// <summary>Chance of answering with bare JSON when the request asks for JSON.</summary>
    public double JsonComplianceRate { get; init; } = 1.0;

    /// <summary>Chance of refusing a sensitive question.</summary>
    public double SensitiveRefusalRate { get; init; } = 0.2;

    /// <summary>
    /// Time between a stream's terminal event and the end of its body, as when a provider's edge holds the connection
    /// open; clients that stop reading at the terminal event close it first.
    /// </summary>
    public TimeSpan TailDelay { get; init; }

    public FaultProfile Faults { get; init; } = FaultProfile.None;
}
