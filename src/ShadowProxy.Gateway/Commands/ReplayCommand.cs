using System.CommandLine;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy replay FILE --baseline M --primary M`: compare recorded generations offline.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var replay = new Command("replay", "Compare two models' recorded generations (LLMDrift CSV or JSONL) offline.");
        replay.SetAction(_ =>
        {
            Console.Error.WriteLine("replay: not available in this build yet.");
            return ExitCodes.Failure;
        });
        return replay;
    }
}
