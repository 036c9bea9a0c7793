using System.Text.Json;

namespace ShadowProxy.Simulator.Wire;

/// <summary>A tool a request offers, in any of the three wire shapes, with its JSON Schema as text.</summary>
internal sealed record SimTool(string Name, string? Schema)
{
    public static IReadOnlyList<SimTool> ReadAll(JsonElement root)
    {
        if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var found = new List<SimTool>();
        foreach (var tool in tools.EnumerateArray())
        {
            // Chat: {"type":"function","function":{name, parameters}}; Responses: {"type":"function", name, parameters};
            // Anthropic: {name, input_schema}.
            var function = tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("function", out var f) ? f : tool;
            if (SimRequest.String(function, "name") is not { } name)
            {
                continue;
            }

            var schema = function.TryGetProperty("parameters", out var parameters) ? parameters
                : function.TryGetProperty("input_schema", out var input) ? input : default;
            found.Add(new SimTool(name, schema.ValueKind == JsonValueKind.Object ? schema.GetRawText() : null));
        }

        return found;
    }
}
