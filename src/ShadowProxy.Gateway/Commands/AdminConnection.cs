using System.CommandLine;
using System.Net.Http.Headers;

namespace ShadowProxy.Gateway.Commands;

/// <summary>How commands that talk to a running gateway (`report`, `drift accept`) reach its admin API.</summary>
internal static class AdminConnection
{
    public static Option<Uri?> UrlOption { get; } = Commands.UrlOption.Create("--admin-url", "The gateway's admin listener, e.g. http://127.0.0.1:9090.", required: true);

    public static Option<string?> TokenOption { get; } = new("--token") { Description = "Admin token (or set SHADOWPROXY_ADMIN_TOKEN)." };

    public static void AddTo(Command command)
    {
        command.Options.Add(UrlOption);
        command.Options.Add(TokenOption);
    }

    public static HttpClient CreateClient(ParseResult parseResult)
    {
        var client = new HttpClient { BaseAddress = parseResult.GetValue(UrlOption), Timeout = TimeSpan.FromSeconds(30) };
        var token = parseResult.GetValue(TokenOption) ?? Environment.GetEnvironmentVariable("SHADOWPROXY_ADMIN_TOKEN");
        if (!string.IsNullOrEmpty(token))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
