namespace ShadowProxy.Core;

internal static class AssemblyMarker;
