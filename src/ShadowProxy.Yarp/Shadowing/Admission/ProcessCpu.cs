namespace ShadowProxy.Yarp.Shadowing.Admission;

/// <summary>
/// The process's CPU time from the OS, and its allowance from the cgroup CPU quota when one is set (a Kubernetes CPU
/// limit), else the cores it may run on. The quota is read again now and then: a pod can be resized in place.
/// </summary>
internal sealed class ProcessCpu(TimeProvider time) : IProcessCpu
{
    private static readonly TimeSpan QuotaRefresh = TimeSpan.FromSeconds(10);
    private double _allowed;
    private long _allowedReadAt = long.MinValue;

    public TimeSpan UsedTime => Environment.CpuUsage.TotalTime;

    public double AllowedCores
    {
        get
        {
            var now = time.GetTimestamp();
            if (_allowedReadAt == long.MinValue || time.GetElapsedTime(_allowedReadAt, now) >= QuotaRefresh)
            {
                // .NET's ProcessorCount already honours affinity and rounds a quota up to whole cores.
                _allowed = Math.Min(Environment.ProcessorCount, CgroupCpuQuota.ReadCores() ?? double.PositiveInfinity);
                _allowedReadAt = now;
            }

            return _allowed;
        }
    }
}
