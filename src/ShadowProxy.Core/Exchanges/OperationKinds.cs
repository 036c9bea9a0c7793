namespace ShadowProxy.Core.Exchanges;

internal static class OperationKinds
{
    /// <summary>
    /// Maps a request path to its operation by its trailing segments, so gateway prefixes such as
    /// <c>/openai/v1/...</c> or Azure-style <c>/deployments/x/chat/completions</c> are recognized too.
    /// </summary>
    public static OperationKind FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return OperationKind.Other;
        }

        var span = path.AsSpan();
        var query = span.IndexOfAny('?', '#');
        if (query >= 0)
        {
            span = span[..query];
        }

        span = span.TrimEnd('/');
        if (span.EndsWith("/chat/completions", StringComparison.OrdinalIgnoreCase))
        {
            return OperationKind.ChatCompletions;
        }

        if (span.EndsWith("/completions", StringComparison.OrdinalIgnoreCase))
        {
            return OperationKind.Completions;
        }

        if (span.EndsWith("/responses", StringComparison.OrdinalIgnoreCase))
        {
            return OperationKind.Responses;
        }

        if (span.EndsWith("/embeddings", StringComparison.OrdinalIgnoreCase))
        {
            return OperationKind.Embeddings;
        }

        // Anthropic's /v1/messages; OpenAI's Assistants also end in /threads/{id}/messages, and those are stateful.
        return span.EndsWith("/messages", StringComparison.OrdinalIgnoreCase) && !span.Contains("/threads/", StringComparison.OrdinalIgnoreCase)
            ? OperationKind.Messages
            : OperationKind.Other;
    }
}
