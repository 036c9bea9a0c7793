namespace ShadowProxy.Yarp.Shadowing.Admission;

/// <summary>What this process has used of the CPU, and how much it may use.</summary>
internal interface IProcessCpu
{
    /// <summary>CPU time (user and kernel) this process has used since it started.</summary>
    TimeSpan UsedTime { get; }

    /// <summary>Cores this process may use: its CPU quota (a container's CPU limit) or the cores it may run on.</summary>
    double AllowedCores { get; }
}
