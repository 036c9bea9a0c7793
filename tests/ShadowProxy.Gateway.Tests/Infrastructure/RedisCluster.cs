using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ShadowProxy.Gateway.Tests.Infrastructure;

/// <summary>
/// A real three-master Redis Cluster on loopback: three `redis-server --cluster-enabled yes` processes joined with
/// `redis-cli --cluster create`, ready once every node reports `cluster_state:ok` and all 16,384 slots are served.
/// </summary>
internal sealed class RedisCluster : IAsyncDisposable
{
    private const int Masters = 3;
    private readonly string _directory = Directory.CreateTempSubdirectory("shadowproxy-redis-cluster-").FullName;
    private readonly List<Process> _nodes = [];
    private readonly List<int> _ports = [];

    private RedisCluster()
    {
    }

    /// <summary>Every node: the client discovers the slot map from any of them.</summary>
    public string ConnectionString => string.Join(',', _ports.Select(static p => $"127.0.0.1:{p}"));

    public static async Task<RedisCluster> StartAsync()
    {
        var cluster = new RedisCluster();
        try
        {
            await cluster.StartNodesAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task StartNodesAsync()
    {
        for (var i = 0; i < Masters; i++)
        {
            var port = FreeTcpPort();
            var dir = Directory.CreateDirectory(Path.Combine(_directory, port.ToString(CultureInfo.InvariantCulture))).FullName;
            _ports.Add(port);
            _nodes.Add(ProcessRunner.Start("redis-server", [
                "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000", "--dir", dir,
            ], dir, out _, out _));
        }

        foreach (var port in _ports)
        {
            await WaitForAsync(port, "PING", static reply => reply.Contains("PONG", StringComparison.Ordinal));
        }

        var (exit, stdout, stderr) = await ProcessRunner.RunAsync("redis-cli", [
            "--cluster", "create", .. _ports.Select(static p => $"127.0.0.1:{p}"), "--cluster-replicas", "0", "--cluster-yes",
        ], _directory, TimeSpan.FromSeconds(30));
        if (exit != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed: {stdout}{stderr}");
        }

        foreach (var port in _ports)
        {
            await WaitForAsync(port, "CLUSTER INFO", static reply => reply.Contains("cluster_state:ok", StringComparison.Ordinal)
                && reply.Contains("cluster_slots_ok:16384", StringComparison.Ordinal));
        }
    }

    private async Task WaitForAsync(int port, string command, Func<string, bool> ready)
    {
        var clock = Stopwatch.StartNew();
        var reply = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var (exit, stdout, _) = await ProcessRunner.RunAsync("redis-cli", ["-p", port.ToString(CultureInfo.InvariantCulture), .. command.Split(' ')], _directory, TimeSpan.FromSeconds(5));
            reply = stdout;
            if (exit == 0 && ready(stdout))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Redis cluster node {port} not ready for '{command}': {reply}");
    }

    private static int FreeTcpPort()
    {
        // Cluster nodes also listen on port + 10000 (the cluster bus): pick ports whose bus port is free too.
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (port + 10_000 > 65_535)
            {
                continue;
            }

            try
            {
                using var bus = new TcpListener(IPAddress.Loopback, port + 10_000);
                bus.Start();
                bus.Stop();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited)
            {
                node.Kill();
                await node.WaitForExitAsync();
            }

            node.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
