using ShadowProxy.Core.Exchanges;
using ShadowProxy.Yarp.Shadowing.Capture;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>A baseline's answer, fully read (bounded), with its timings. Owns its pooled body.</summary>
internal sealed class BaselineResponse(int statusCode, string? contentType, PooledCapture body, TimeSpan timeToFirstByte, TimeSpan total) : IDisposable
{
    public int StatusCode { get; } = statusCode;

    public PooledCapture Body { get; } = body;

    public TimeSpan TimeToFirstByte { get; } = timeToFirstByte;

    public TimeSpan Total { get; } = total;

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Server errors and rate limits count against the circuit breaker; other statuses are answers.</summary>
    public bool CountsAsFailure => StatusCode >= 500 || StatusCode == 429;

    public CapturedResponse AsCaptured() => new(StatusCode, contentType, Body.Memory, Body.Overflowed);

    public void Dispose() => Body.Dispose();
}
