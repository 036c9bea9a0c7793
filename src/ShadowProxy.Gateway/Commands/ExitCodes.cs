namespace ShadowProxy.Gateway.Commands;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidConfiguration = 2;

    /// <summary>`--fail-on drift` and a metric in drift: a CI pipeline's gate.</summary>
    public const int DriftFound = 3;
}
