// Shared by every sample and the dashboard (linked into each project): the settings they read are validated the same
// way everywhere, and every error is one line that names the setting to fix.
using System.Globalization;
using System.Text;
using EmailStats.Clients;

namespace EmailStats.Samples;

/// <summary>A setting (environment variable or user secret) that is missing or malformed; the message names it and says what it takes.</summary>
internal sealed class SettingException(string setting, string message) : Exception(message)
{
    /// <summary>The setting to fix, for example <c>MAILGUN_REGION</c>.</summary>
    public string Setting { get; } = setting;
}

/// <summary>Reads settings the same way in every sample: a value that does not parse is refused, never ignored.</summary>
internal static class SampleSettings
{
    /// <summary>An optional absolute http(s) address; null when not set.</summary>
    public static Uri? Url(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new SettingException(name, $"{name} must be an absolute http or https URL such as https://api.example.com/, not '{value}'.");
    }

    /// <summary>One of a fixed set of words (case-insensitive); <paramref name="fallback"/> when not set.</summary>
    public static T Choice<T>(string? value, string name, T fallback, params (string Word, T Value)[] choices)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        foreach (var (word, choice) in choices)
        {
            if (string.Equals(word, value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        throw new SettingException(name, $"{name} must be {string.Join(" or ", choices.Select(c => c.Word))}, not '{value}'.");
    }

    /// <summary>An optional time zone id (IANA, or one the system knows); null when not set.</summary>
    public static TimeZoneInfo? Zone(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out var zone)
            ? zone
            : throw new SettingException(name, $"{name} must be a time zone id such as Europe/Paris or UTC, not '{value}'.");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when not set.</summary>
    public static int Number(string? value, string name, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new SettingException(name, $"{name} must be a whole number from {min} to {max}, not '{value}'.");
    }

    /// <summary>A value that must be set; <paramref name="why"/> completes "is required ...".</summary>
    public static string Required(string? value, string name, string why) =>
        string.IsNullOrWhiteSpace(value) ? throw new SettingException(name, $"{name} is required {why}.") : value.Trim();
}

/// <summary>Errors as one line: no stack trace, no "see inner exception", and a hint at the settings to check.</summary>
internal static class SampleErrors
{
    /// <summary>
    /// The exception's message and those of its inner exceptions that add something, on one line. With
    /// <paramref name="credentials"/> and <paramref name="address"/> (setting names), a refusal or an unreachable server
    /// says which settings to check.
    /// </summary>
    public static string OneLine(Exception e, string? credentials = null, string? address = null)
    {
        var text = new StringBuilder();
        for (var current = e; current is not null; current = current.InnerException)
        {
            var message = Clean(current.Message);
            if (current is EmailStatsException typed && message.StartsWith(typed.Provider + " ", StringComparison.Ordinal))
            {
                // "SendGridV2 could not be reached": the caller names the provider the way its user knows it.
                message = message[(typed.Provider.Length + 1)..];
            }

            if (message.Length > 0 && !text.ToString().Contains(message, StringComparison.Ordinal))
            {
                text.Append(text.Length == 0 ? "" : ": ").Append(message);
            }

            // A client exception says all that its inner ones would, with secrets scrubbed: stop there.
            if (current is EmailStatsException)
            {
                break;
            }
        }

        var hint = e switch
        {
            EmailStatsApiException { StatusCode: System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden } when credentials is not null => $" (check {credentials})",
            EmailStatsTransportException { Kind: TransportFailure.Network or TransportFailure.Timeout } when address is not null => $" (check {address} and the network)",
            _ => "",
        };
        return text.Append(hint).Append('.').ToString();
    }

    private static string Clean(string message)
    {
        var oneLine = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var filler in new[] { ", see inner exception.", "; see inner exception.", " See inner exception.", ", see inner exception", "see inner exception" })
        {
            oneLine = oneLine.Replace(filler, "", StringComparison.OrdinalIgnoreCase);
        }

        return oneLine.Trim().TrimEnd('.', ':').Trim();
    }
}
