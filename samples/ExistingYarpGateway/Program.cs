using ExistingYarpGateway;
using Microsoft.AspNetCore.Authentication;

var builder = WebApplication.CreateBuilder(args);

// The gateway's own concerns: applications sign in with their own keys; operators may read the drift explorer.
builder.Services.Configure<AppKeys>(builder.Configuration.GetSection("AppKeys"));
builder.Services.AddAuthentication(AppKeyAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, AppKeyAuthentication>(AppKeyAuthentication.SchemeName, configureOptions: null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("apps", policy => policy.RequireAuthenticatedUser())
    .AddPolicy("operators", policy => policy.RequireRole("operator"));

builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddTransforms(ProviderKey.Apply)
    .AddShadowing(builder.Configuration);                                // ShadowProxy 1/3: register

var app = builder.Build();
app.MapGet("/status", () => "ok");
app.MapReverseProxy(proxy => proxy.UseShadowing());                      // ShadowProxy 2/3: capture
app.MapShadowProxyAdmin("/shadow").RequireAuthorization("operators");   // ShadowProxy 3/3: explorer, metrics
app.Run();
