using Microsoft.Extensions.Options;

namespace EmailStats.Clients.Internal;

/// <summary>What the shared registration needs of a provider's options class.</summary>
internal interface IEmailStatsOptions
{
    /// <summary>Every rule the options break, each naming the option and the rule; empty when valid.</summary>
    IEnumerable<string> Validate();

    /// <summary>The base address the HttpClient uses; valid options only.</summary>
    Uri ResolveBaseAddress();

    /// <summary>What to mask wherever text leaves the library (the key, and every form it travels in); valid options only.</summary>
    Secrets Secrets();

    /// <summary>
    /// What sets the provider's authentication headers on a request, with the values taken now (options changed later
    /// change nothing); null when the credentials travel in the body. Valid options only.
    /// </summary>
    Action<System.Net.Http.Headers.HttpRequestHeaders>? Credentials();
}

/// <summary>Options that also build their provider's client (the shared registration calls it with the factory's <see cref="HttpClient"/>).</summary>
/// <typeparam name="TClient">The client.</typeparam>
internal interface IEmailStatsOptions<out TClient> : IEmailStatsOptions
{
    /// <summary>The client over <paramref name="httpClient"/> with these options and the services' logger.</summary>
    TClient CreateClient(HttpClient httpClient, IServiceProvider services);
}

/// <summary>
/// Runs <see cref="IEmailStatsOptions.Validate"/> for the options system (and so for <c>ValidateOnStart</c>); each failure
/// of a named account starts with the account's name, so that someone with forty accounts knows which one to fix.
/// </summary>
internal sealed class EmailStatsOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : class, IEmailStatsOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var account = string.IsNullOrEmpty(name) ? "" : $"Account '{name}': ";
        var failures = options.Validate().Select(failure => account + failure).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class OptionsGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> naming every broken rule (the non-DI constructors use it).</summary>
    public static TOptions ThrowIfInvalid<TOptions>(TOptions? options, string paramName)
        where TOptions : class, IEmailStatsOptions
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        var failures = options.Validate().ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException($"{typeof(TOptions).Name} is not valid: {string.Join(" ", failures)}", paramName);
        }

        return options;
    }

    /// <summary>The rule every base address follows: absolute http(s).</summary>
    public static string? CheckBaseAddress(Uri? address, string optionName)
    {
        if (address is null)
        {
            return $"{optionName} is required.";
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            return $"{optionName} must be an absolute http or https URI.";
        }

        return null;
    }

    /// <summary>Adds a trailing slash so relative paths append to the address instead of replacing its last segment.</summary>
    public static Uri WithTrailingSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
