using System.Text.Json;

namespace ShadowProxy.Core.Normalization;

internal static class ErrorBodyReader
{
    /// <summary>Reads <c>{"error":{"message","type","code"}}</c>; also accepts a bare string error.</summary>
    public static ProviderErrorDetail? Read(JsonElement root)
    {
        if (root.Property("error") is not { } error)
        {
            return null;
        }

        return error.ValueKind == JsonValueKind.String
            ? new ProviderErrorDetail { Message = error.GetString() }
            : new ProviderErrorDetail
            {
                Type = error.String("type"),
                Code = error.String("code"),
                Message = error.String("message"),
            };
    }

    public static NormalizedResponse ToResponse(ProviderErrorDetail? error, int statusCode, bool captureTruncated) => new()
    {
        Status = ResponseStatus.ProviderError,
        Reason = error?.Message ?? $"HTTP {JsonElementReading.Format(statusCode)}",
        Error = error ?? new ProviderErrorDetail { Code = JsonElementReading.Format(statusCode) },
        CaptureTruncated = captureTruncated,
    };
}
