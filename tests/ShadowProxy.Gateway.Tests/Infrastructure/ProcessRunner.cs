using System.Diagnostics;
using System.Text;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>Runs a child process with captured output and a hard time limit.</summary>
internal static class ProcessRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args, string workingDirectory, TimeSpan limit)
    {
        using var process = Start(file, args, workingDirectory, out var stdout, out var stderr);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {limit}: {stdout}{stderr}");
        }

        return (process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the real `shadowproxy` executable (the test output holds it) with a 60 s limit.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunGatewayAsync(IEnumerable<string> args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "shadowproxy.dll"), .. args], Path.GetTempPath(), TimeSpan.FromSeconds(60));

    public static Process Start(string file, IEnumerable<string> args, string workingDirectory, out StringBuilder stdout, out StringBuilder stderr)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        stdout = output;
        stderr = errors;
        return process;
    }
}
