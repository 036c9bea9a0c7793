namespace ShadowProxy.Core.Normalization;

internal enum ResponseStatus
{
    Ok,
    ProviderError,
    Unparseable,
}
