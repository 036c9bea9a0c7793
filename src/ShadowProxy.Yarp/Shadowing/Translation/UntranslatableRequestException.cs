namespace ShadowProxy.Yarp.Shadowing.Translation;

/// <summary>A request uses something the baseline's wire format has no equivalent for; the copy is refused and counted.</summary>
internal sealed class UntranslatableRequestException(string reason) : Exception(reason);
