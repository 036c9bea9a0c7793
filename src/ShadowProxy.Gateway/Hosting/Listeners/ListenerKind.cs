using Microsoft.AspNetCore.Connections.Features;

namespace ShadowProxy.Gateway.Hosting.Listeners;

/// <summary>Which listener a connection arrived on. Decided per connection, so a Host header cannot forge it.</summary>
internal enum ListenerKind
{
    Proxy,
    Admin,
}

internal static class ListenerKinds
{
    private static readonly object ItemKey = typeof(ListenerKind);
    private static readonly object AdminValue = ListenerKind.Admin;

    public static void Mark(IDictionary<object, object?> connectionItems, ListenerKind kind) =>
        connectionItems[ItemKey] = kind == ListenerKind.Admin ? AdminValue : null;

    public static bool IsAdmin(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(ItemKey, out var value) == true && value == AdminValue;
}
