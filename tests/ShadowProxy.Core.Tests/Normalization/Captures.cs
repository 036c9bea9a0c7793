using System.Text;
using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Core.Tests.Normalization;

internal static class Captures
{
    public static CapturedResponse Json(string body, int status = 200) =>
        new(status, "application/json", Encoding.UTF8.GetBytes(body), Truncated: false);

    public static CapturedResponse Sse(string body, bool truncated = false) =>
        new(200, "text/event-stream; charset=utf-8", Encoding.UTF8.GetBytes(body), truncated);
}
