namespace ShadowProxy.Simulator.Hosting;

/// <summary>One provider wire format: a whole reply, a streamed one, and its error bodies.</summary>
internal interface IReplyWriter
{
    /// <summary>The id prefix of this format's response objects (chatcmpl-, msg_, resp_).</summary>
    string IdPrefix { get; }

    /// <summary>Legacy completions' envelope (`text_completion`, `choices[].text`); only the chat writer has one.</summary>
    bool Legacy => false;

    Task WriteWholeAsync(HttpContext context, CompletionReply reply, TimeProvider time);

    Task WriteStreamAsync(HttpContext context, CompletionReply reply, bool includeUsage, TimeProvider time);

    Task WriteErrorAsync(HttpContext context, int status, string type, string message, string? code = null);
}
