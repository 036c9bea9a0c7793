namespace ShadowProxy.Core.Replay;

internal readonly record struct ReplayProgress(int Completed, int Total);
