using System.Globalization;
using ShadowProxy.LoadBench.Harness;

namespace ShadowProxy.LoadBench.Systems;

/// <summary>
/// nginx as a plain reverse proxy, set up as its documentation recommends for keepalive upstreams: HTTP/1.1,
/// an empty Connection header, a keepalive pool. Buffering is off so server-sent events stream through.
/// </summary>
internal static class Nginx
{
    public static async Task<RunningSystem> StartAsync(SystemContext context, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var prefix = Directory.CreateDirectory(Path.Combine(context.WorkDirectory, "nginx")).FullName;
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(prefix, port, context.Upstream), cancellationToken);
        var process = await PinnedProcess.StartAsync(
            "nginx", context.SystemCore, "nginx", ["-p", prefix, "-c", config, "-e", Path.Combine(prefix, "error.log")],
            port, context.WorkDirectory, cancellationToken: cancellationToken);
        return new RunningSystem(new Uri($"{SystemCatalog.Url(port)}/v1/"), process, new Dictionary<string, string>());
    }

    private static string Config(string prefix, int port, Uri upstream) => string.Create(CultureInfo.InvariantCulture, $$"""
        daemon off;
        master_process on;
        worker_processes 1;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path {{prefix}}/body;
            proxy_temp_path {{prefix}}/proxy;
            fastcgi_temp_path {{prefix}}/fastcgi;
            uwsgi_temp_path {{prefix}}/uwsgi;
            scgi_temp_path {{prefix}}/scgi;
            upstream simulator {
                server {{upstream.Host}}:{{upstream.Port}};
                keepalive 128;
            }
            server {
                listen 127.0.0.1:{{port}};
                client_max_body_size 8m;
                client_body_buffer_size 2m;
                location / {
                    proxy_pass http://simulator;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_buffering off;
                    proxy_read_timeout 600s;
                }
            }
        }
        """);
}
