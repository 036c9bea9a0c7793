namespace ShadowProxy.Core.Normalization;

internal enum ResponseFormatKind
{
    None,
    Text,
    JsonObject,
    JsonSchema,
}
