using ShadowProxy.Gateway.Commands;

return await ShadowProxyCommandLine.Create().Parse(args).InvokeAsync();
