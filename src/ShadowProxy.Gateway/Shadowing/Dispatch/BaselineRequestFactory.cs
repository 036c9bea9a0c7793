using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Shadowing.Capture;

namespace ShadowProxy.Gateway.Shadowing.Dispatch;

/// <summary>
/// Builds the baseline's copy of a request: same path and body, the pinned model in `model`, and the baseline's own
/// credentials. Client credentials are copied only when the route explicitly forwards them.
/// </summary>
internal static class BaselineRequestFactory
{
    public static HttpRequestMessage Create(ShadowExchange exchange)
    {
        var baseline = exchange.Policy.Options.Baseline;
        var target = new Uri(exchange.Policy.BaselineAddress, exchange.PathAndQuery.TrimStart('/'));
        var content = new ByteArrayContent(WithModel(exchange.RequestBody.Span, baseline.Model!));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };

        foreach (var (name, value) in exchange.ForwardedCredentials)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (!string.IsNullOrEmpty(baseline.ApiKey))
        {
            var isBearer = baseline.ApiKeyHeader.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
            request.Headers.Remove(baseline.ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(baseline.ApiKeyHeader, isBearer ? $"Bearer {baseline.ApiKey}" : baseline.ApiKey);
        }

        return request;
    }

    /// <summary>The request body with its top-level `model` replaced; everything else byte-for-byte in meaning.</summary>
    public static byte[] WithModel(ReadOnlySpan<byte> body, string model)
    {
        var node = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("The request body is not a JSON object.");
        node["model"] = model;
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
