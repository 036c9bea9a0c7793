using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads a Responses API response object (the JSON body, or <c>response</c> of a final stream event).</summary>
internal static class ResponsesReader
{
    public static NormalizedResponse Read(JsonElement response, bool captureTruncated)
    {
        if (response.String("status") == "failed" || ErrorBodyReader.Read(response) is not null)
        {
            return ErrorBodyReader.ToResponse(ErrorBodyReader.Read(response), 200, captureTruncated);
        }

        if (response.Property("output") is not { ValueKind: JsonValueKind.Array } output)
        {
            return NormalizedResponse.Unparseable("no output array", captureTruncated);
        }

        var choice = new ChoiceAccumulator(0);
        foreach (var item in output.EnumerateArray())
        {
            ResponsesOutputReader.Read(item, choice);
        }

        var built = choice.Build();
        if (built.Text.Length == 0 && response.String("output_text") is { Length: > 0 } convenienceText)
        {
            built = built with { Text = convenienceText };
        }

        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Choices = [built with { FinishReason = FinishReason(response, built) }],
            Usage = UsageReader.Read(response),
            Model = response.String("model"),
            Id = response.String("id"),
            CaptureTruncated = captureTruncated,
        };
    }

    /// <summary>Maps the response status onto chat-style finish reasons so both APIs compare alike.</summary>
    public static string? FinishReason(JsonElement response, NormalizedChoice choice) =>
        response.String("status") switch
        {
            "incomplete" => response.Property("incomplete_details")?.String("reason") ?? "incomplete",
            "completed" when choice.ToolCalls.Count > 0 => "tool_calls",
            "completed" => "stop",
            var other => other,
        };
}
