namespace ShadowProxy.Core.Normalization;

/// <summary>The provider's <c>{"error":{...}}</c> object; <see cref="Code"/> keeps numbers as text.</summary>
internal sealed record ProviderErrorDetail
{
    public string? Type { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }
}
