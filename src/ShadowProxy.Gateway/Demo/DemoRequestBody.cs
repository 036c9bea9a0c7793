using System.Net.Http.Headers;
using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Gateway.Demo;

/// <summary>The chat-completions request an app would send for a demo prompt.</summary>
internal static class DemoRequestBody
{
    public static ByteArrayContent Create(DemoRequest request, string model)
    {
        var content = new ByteArrayContent(ChatRequestBody.Write(model, request.Prompt, request.JsonSchema, "person", request.Stream));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
