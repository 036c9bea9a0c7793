using System.Text.Json.Nodes;
using ShadowProxy.Gateway.Shadowing.Capture;

namespace ShadowProxy.Gateway.Shadowing.Translation;

/// <summary>Checks, before any budget is spent, that a request can be sent to its route's cross-provider baseline.</summary>
internal static class BaselineTranslation
{
    /// <returns>Why the request cannot be translated, or null when it can (or needs no translation).</returns>
    public static string? Refuses(ShadowExchange exchange)
    {
        var provider = exchange.Policy.Options.Baseline.Provider;
        if (string.Equals(provider, BaselineWire.Same, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var operation = BaselineWire.OperationFor(exchange.Operation, provider);
            if (operation != exchange.Operation && JsonNode.Parse(exchange.RequestBody.Span) is JsonObject body)
            {
                _ = BaselineWire.Translate(body, exchange.Operation, operation);
            }

            return null;
        }
        catch (UntranslatableRequestException e)
        {
            return e.Message;
        }
    }
}
