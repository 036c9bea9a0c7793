using System.Collections;
using System.Reflection;

namespace ShadowProxy.Yarp.Hosting.Configuration;

/// <summary>
/// Refuses settings the gateway does not have. The known keys are the properties of the options types bound to each
/// section the gateway owns, so a key exists exactly where a property does and a misspelling is named with the
/// nearest real key. Sections the gateway does not own (YARP's <c>ReverseProxy</c>, <c>Logging</c>, <c>Kestrel</c>,
/// environment variables of the process) are left to their owners.
/// </summary>
internal static class KnownSettings
{
    /// <summary>Every section the gateway owns and the type its keys bind to.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Sections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase)
    {
        [ListenerOptions.Section] = typeof(ListenerOptions),
        [UpstreamOptions.Section] = typeof(UpstreamOptions),
        [AdminOptions.Section] = typeof(AdminOptions),
        [Shadowing.Policy.ShadowingOptions.Section] = typeof(Shadowing.Policy.ShadowingOptions),
        [Pairs.ComparisonOptions.Section] = typeof(Pairs.ComparisonOptions),
        [Core.Drift.Tracking.DriftOptions.Section] = typeof(Core.Drift.Tracking.DriftOptions),
        [Admin.ReadinessOptions.Section] = typeof(Admin.ReadinessOptions),
        [Evidence.EvidenceOptions.Section] = typeof(Evidence.EvidenceOptions),
        [Storage.Redis.RedisOptions.Section] = typeof(Storage.Redis.RedisOptions),
        [Telemetry.TelemetryOptions.Section] = typeof(Telemetry.TelemetryOptions),
        [Probes.ProbesOptions.Section] = typeof(Probes.ProbesOptions),
    };

    /// <summary>Every unknown key in the gateway's own sections, and top-level sections one typo away from one.</summary>
    public static IReadOnlyList<string> FindUnknown(IConfiguration configuration)
    {
        var errors = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            if (Sections.TryGetValue(section.Key, out var type))
            {
                Check(section, type, errors);
            }
            else if (section.GetChildren().Any() && NearestName.Find(section.Key, Sections.Keys, maxDistance: 2) is { } near)
            {
                // Only sections (keys with children), and only near misses: a process's environment holds plenty
                // of top-level variables that are none of the gateway's business.
                errors.Add($"{section.Path}: unknown section; did you mean {near}?");
            }
        }

        return errors;
    }

    /// <summary>Unknown keys under one section bound to <paramref name="type"/> (the policy reload checks its own).</summary>
    public static void Check(IConfigurationSection section, Type type, List<string> errors)
    {
        var properties = Settable(type);
        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var near = NearestName.Find(child.Key, properties.Keys);
                var parent = section.Path;
                errors.Add(near is null
                    ? $"{child.Path}: unknown setting; {parent} has {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}."
                    : $"{child.Path}: unknown setting; did you mean {parent}:{near}?");
                continue;
            }

            CheckValue(child, property.PropertyType, errors);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> errors)
    {
        if (IsLeaf(type))
        {
            return;
        }

        if (ElementType(type) is { } element)
        {
            // A dictionary's keys and a list's indexes are the user's; their values have a shape.
            if (!IsLeaf(element))
            {
                foreach (var item in section.GetChildren())
                {
                    Check(item, element, errors);
                }
            }

            return;
        }

        Check(section, type, errors);
    }

    private static Dictionary<string, PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            .ToDictionary(static p => p.Name, StringComparer.OrdinalIgnoreCase);

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(DateTime);
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments[^1];
    }
}
