namespace ShadowProxy.Yarp.Shadowing.Policy;

/// <summary>The OS scheduling priority of the shadow workers (<c>Shadowing:WorkerPriority</c>).</summary>
internal enum WorkerPriority
{
    Lowest,
    Normal,
}
