using ShadowProxy.Core.Exchanges;

namespace ShadowProxy.Core.Probes;

internal static class ProbeRequestBody
{
    /// <summary>
    /// No <c>strict</c> flag: structured-output enforcement would hide exactly the format drift
    /// (fenced or chatty JSON) the json_schema probe is there to catch.
    /// </summary>
    public static byte[] Write(ProbeTask task, string model)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return ChatRequestBody.Write(model, task.Prompt, task.JsonSchemaText);
    }
}
