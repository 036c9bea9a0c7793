using System.Net.Http.Headers;
using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>
/// A job's baseline call, prepared once (<see cref="BaselineRequestFactory.Prepare"/>) and sent as often as the job
/// needs: the copy and, for a noise replicate, its twin. <see cref="Operation"/> is the wire format it speaks.
/// </summary>
internal sealed record BaselineRequest(Uri Target, byte[] Body, OperationKind Operation, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, Target) { Content = content };
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
