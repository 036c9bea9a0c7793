using Microsoft.Extensions.Options;

namespace ShadowProxy.Yarp.Hosting.Configuration;

/// <summary>
/// An <see cref="IValidateOptions{TOptions}"/> that lists every problem of a section, each starting with its key, so
/// `ValidateOnStart`, `config check` and start-up report all of them at once rather than the first.
/// </summary>
internal abstract class OptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = new List<string>();
        Check(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Adds one message per problem, each starting with the full configuration key.</summary>
    protected abstract void Check(TOptions options, List<string> errors);
}
