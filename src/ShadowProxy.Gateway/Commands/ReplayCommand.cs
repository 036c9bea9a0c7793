using System.CommandLine;
using ShadowProxy.Core.Comparison;
using ShadowProxy.Core.Replay;

namespace ShadowProxy.Gateway.Commands;

/// <summary>`shadowproxy replay FILE --baseline M --primary M`: compare two models' recorded generations offline.</summary>
internal static class ReplayCommand
{
    private static readonly Argument<FileInfo> FileArgument = new("file")
    {
        Description = "Recorded generations: LLMDrift CSV (model,id,query,ref_answer,answer,latency,...) or JSONL (see docs/replay.md).",
    };

    private static readonly Option<string> BaselineOption = new("--baseline") { Description = "The pinned model (value of the `model` column).", Required = true };
    private static readonly Option<string> PrimaryOption = new("--primary") { Description = "The model under test.", Required = true };
    private static readonly Option<ReplayReportFormat> FormatOption = new("--format") { Description = "table, json or markdown.", DefaultValueFactory = _ => ReplayReportFormat.Table };
    private static readonly Option<AnswerExtractorKind> ExtractorOption = new("--extractor")
    {
        Description = "Answer extractor: Auto, BracketLabel, Boxed, MultipleChoice, AnswerColon, FinalNumber, JsonPath, WholeText.",
        DefaultValueFactory = _ => AnswerExtractorKind.Auto,
    };

    private static readonly Option<string?> JsonPathOption = new("--json-path") { Description = "Field path for the JsonPath extractor, e.g. $.answer." };
    private static readonly Option<string> FailOn = FailOnOption.Create();

    public static Command Create()
    {
        var replay = new Command("replay", "Compare two models' recorded generations offline and print a drift table.");
        replay.Arguments.Add(FileArgument);
        replay.Options.Add(BaselineOption);
        replay.Options.Add(PrimaryOption);
        replay.Options.Add(FormatOption);
        replay.Options.Add(ExtractorOption);
        replay.Options.Add(JsonPathOption);
        replay.Options.Add(FailOn);
        replay.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
        return replay;
    }

    private static int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(FileArgument)!;
        if (!file.Exists)
        {
            Console.Error.WriteLine($"replay: the file '{file.FullName}' does not exist.");
            return ExitCodes.InvalidConfiguration;
        }

        var options = new ReplayOptions
        {
            Baseline = parseResult.GetValue(BaselineOption)!,
            Primary = parseResult.GetValue(PrimaryOption)!,
            Profile = new ComparisonProfile { Name = "cli", Extractor = parseResult.GetValue(ExtractorOption), JsonPath = parseResult.GetValue(JsonPathOption) },
        };
        using var progress = new ConsoleProgressBar("replay");
        ReplayReport report;
        try
        {
            report = new ReplayRunner(new PairComparer()).Run(ReplayFileReader.Read(file.FullName), options, progress, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            progress.Finish();
            Console.Error.WriteLine($"replay: {file.Name}: {e.Message}");
            return ExitCodes.InvalidConfiguration;
        }

        progress.Finish();
        if (report.Pairs == 0)
        {
            Console.Error.WriteLine($"replay: no rows of '{options.Baseline}' and '{options.Primary}' share an id in {file.Name}; check the model names.");
            return ExitCodes.Failure;
        }

        ReplayReportWriter.Write(report, parseResult.GetValue(FormatOption), Console.Out);
        return FailOnOption.ExitCode(parseResult.GetValue(FailOn)!, [report]);
    }
}
