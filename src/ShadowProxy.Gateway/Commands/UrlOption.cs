using System.CommandLine;

namespace ShadowProxy.Gateway.Commands;

/// <summary>An absolute http(s) URL option; System.CommandLine has no built-in Uri binding.</summary>
internal static class UrlOption
{
    public static Option<Uri?> Create(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError($"{name}: '{text}' is not an absolute http(s) URL.");
            return null;
        },
    };
}
