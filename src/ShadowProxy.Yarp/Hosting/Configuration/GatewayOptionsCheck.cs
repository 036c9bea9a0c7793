using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Hosting.Configuration;

/// <summary>
/// Binds and validates every section through the same registrations the running gateway uses, without building the
/// application, and collects every failure. A value the binder cannot convert fails its whole section, so it is
/// reported, masked and the section bound again: one run names every bad value and every value out of range.
/// </summary>
internal static partial class GatewayOptionsCheck
{
    public static void Collect(IConfiguration configuration, List<string> errors)
    {
        var unconvertible = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in KnownSettings.Sections)
        {
            while (true)
            {
                using var services = Services(configuration, unconvertible);
                try
                {
                    // IOptions<out T> is covariant, so every section reads through one cast.
                    _ = ((IOptions<object>)services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type))).Value;
                    break;
                }
                catch (OptionsValidationException e)
                {
                    errors.AddRange(e.Failures);
                    break;
                }
                catch (InvalidOperationException e) when (BinderKey().Match(e.Message) is { Success: true } match && unconvertible.TryAdd(match.Groups[1].Value, null))
                {
                    errors.Add($"{match.Groups[1].Value}: {e.Message}");
                }
                catch (InvalidOperationException e)
                {
                    errors.Add($"{section}: {e.Message}");
                    break;
                }
            }
        }
    }

    private static ServiceProvider Services(IConfiguration configuration, Dictionary<string, string?> masked)
    {
        var view = masked.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(masked).Build();
        return new ServiceCollection().AddSingleton(view).AddGatewayOptions().BuildServiceProvider();
    }

    // The binder names the key of a value it cannot convert ("… at 'Redis:ClaimIdleAfter' to type …").
    [GeneratedRegex("at '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex BinderKey();
}
