using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// A real `redis-server` child process on a free loopback port, with an append-only file in a temporary folder so a
/// stop and restart keeps the stream, as a production Redis with AOF does.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shadowproxy-redis-").FullName;
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var server = Reserve();
        await server.RestartAsync();
        return server;
    }

    /// <summary>A free port and data folder with no server yet: <see cref="RestartAsync"/> starts it.</summary>
    public static RedisServer Reserve()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new RedisServer(port);
    }

    /// <summary>Starts (again) on the same port and data folder and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        _process = ProcessRunner.Start("redis-server", [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "yes", "--appendfsync", "always", "--dir", _directory,
        ], _directory, out _, out _);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await SendAsync("PING", timeout.Token) != "+PONG")
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>
    /// Kills the server and deletes its data, then starts it again empty: a Redis without persistence restarting, or
    /// a managed Redis failing over to a replica that had not caught up.
    /// </summary>
    public async Task CrashAndWipeAsync()
    {
        if (_process is not null)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(_directory))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        await RestartAsync();
    }

    /// <summary>A clean SHUTDOWN (the append-only file is flushed), then waits for the process to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await SendAsync("SHUTDOWN", CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    private async Task<string?> SendAsync(string command, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
