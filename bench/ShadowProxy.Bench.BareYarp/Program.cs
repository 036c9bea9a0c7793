using Yarp.ReverseProxy.Configuration;

// bare-yarp --urls http://127.0.0.1:PORT --upstream http://127.0.0.1:UPSTREAM/
// The smallest faithful YARP gateway: what ShadowProxy with shadowing off is measured against.
var upstream = Array.IndexOf(args, "--upstream") is >= 0 and var at && at + 1 < args.Length
    ? args[at + 1]
    : throw new ArgumentException("bare-yarp needs --upstream <url>.");

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["u"] = new() { Address = upstream } } }]);

var app = builder.Build();
app.MapReverseProxy();
await app.RunAsync();
