namespace ShadowProxy.Yarp.Shadowing.Dispatch;

/// <summary>A baseline copy whose path would leave the baseline's address; it is refused, never sent.</summary>
internal sealed class BaselineTargetException() : Exception("The baseline path would leave the baseline's address.");
