using ShadowProxy.Core.Replay;

namespace ShadowProxy.Gateway.Commands;

/// <summary>A one-line progress bar on stderr, drawn only when stderr is a terminal so pipes and logs stay clean.</summary>
internal sealed class ConsoleProgressBar(string label) : IProgress<ReplayProgress>, IDisposable
{
    private const int Width = 30;
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _drawn;

    public void Report(ReplayProgress value)
    {
        if (!_enabled || value.Total == 0)
        {
            return;
        }

        var filled = (int)((long)value.Completed * Width / value.Total);
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Completed}/{value.Total}");
        _drawn = true;
    }

    public void Finish()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
            _drawn = false;
        }
    }

    public void Dispose() => Finish();
}
