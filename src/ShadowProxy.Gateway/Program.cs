using System.CommandLine;
using ShadowProxy.Gateway.Commands;

// Signals are handled where the work is: the host's console lifetime drains `serve`, the demo stops itself.
return await ShadowProxyCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
