using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

/// <summary>Reads a non-streamed chat completion or legacy completion (<c>choices[].text</c>) body.</summary>
internal static class ChatCompletionReader
{
    public static NormalizedResponse Read(JsonElement root, bool captureTruncated)
    {
        if (root.Property("choices") is not { ValueKind: JsonValueKind.Array } choicesElement)
        {
            return NormalizedResponse.Unparseable("no choices array", captureTruncated);
        }

        var choices = new ChoiceSet();
        var position = 0;
        foreach (var item in choicesElement.EnumerateArray())
        {
            var choice = choices[item.Int("index") ?? position];
            if (item.Property("message") is { } message)
            {
                ChatMessageReader.Read(message, choice);
            }

            choice.AppendText(item.String("text"));
            choice.FinishReason ??= item.String("finish_reason");
            position++;
        }

        return new NormalizedResponse
        {
            Status = ResponseStatus.Ok,
            Choices = choices.Build(),
            Usage = UsageReader.Read(root),
            Model = root.String("model"),
            Id = root.String("id"),
            SystemFingerprint = root.String("system_fingerprint"),
            CaptureTruncated = captureTruncated,
        };
    }
}
