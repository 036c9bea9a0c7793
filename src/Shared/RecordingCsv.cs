using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

// Compiled into both assemblies under each one's own namespace, so a project that sees both never finds two.
#if SHADOWPROXY_SIMULATOR
namespace ShadowProxy.Simulator.Replay;
#else
namespace ShadowProxy.Core.Replay;
#endif

/// <summary>
/// How recordings in the LLMDrift CSV layout are read, compiled into both replay (ShadowProxy.Core) and the simulator,
/// which reference no common project: RFC 4180 through CsvHelper, fields (multi-line prompts too) exactly as written,
/// so the prompt replay sends is the prompt the simulator finds.
/// </summary>
internal static class RecordingCsv
{
    private static readonly CsvConfiguration Settings = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        IgnoreBlankLines = true,
        TrimOptions = TrimOptions.None,
        BadDataFound = null,
    };

    /// <summary>Every record, the header included, as raw fields.</summary>
    public static IEnumerable<string[]> Records(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var parser = new CsvParser(reader, Settings, leaveOpen: true);
        while (parser.Read())
        {
            yield return parser.Record ?? [];
        }
    }
}
