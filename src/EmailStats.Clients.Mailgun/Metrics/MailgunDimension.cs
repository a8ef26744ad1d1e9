namespace EmailStats.Clients.Mailgun;

/// <summary>
/// A dimension of Mailgun's Metrics API (<c>dimensions</c> of the request body, at most three per query, and the
/// attributes of a filter): a constant per documented name, and <see cref="Of"/> for a name Mailgun adds later.
/// </summary>
/// <example><code>
/// var byDayAndDomain = MailgunMetricsQuery.ForMetrics(MailgunMetric.DeliveredCount).By(MailgunDimension.Time, MailgunDimension.Domain);
/// </code></example>
public readonly record struct MailgunDimension
{
    private MailgunDimension(string name) => Name = name;

    /// <summary>The wire name, for example <c>time</c>.</summary>
    public string Name { get; }

    /// <summary>The dimension named <paramref name="name"/>: lower-case letters, digits and underscores.</summary>
    /// <param name="name">A dimension name as Mailgun documents it.</param>
    /// <exception cref="ArgumentException">The name is empty or has another character.</exception>
    public static MailgunDimension Of(string name) => new(MailgunNames.Check(name, nameof(name), "dimension"));

    /// <summary>The wire name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name ?? "";

    /// <summary><c>time</c>: The time the events occurred (one item per period of the resolution).</summary>
    public static MailgunDimension Time { get; } = new("time");

    /// <summary><c>domain</c>: The sending domain.</summary>
    public static MailgunDimension Domain { get; } = new("domain");

    /// <summary><c>tag</c>: A tag attached to the message.</summary>
    public static MailgunDimension Tag { get; } = new("tag");

    /// <summary><c>ip</c>: The sending IP address.</summary>
    public static MailgunDimension Ip { get; } = new("ip");

    /// <summary><c>ip_pool</c>: The IP pool.</summary>
    public static MailgunDimension IpPool { get; } = new("ip_pool");

    /// <summary><c>country</c>: The recipient's country.</summary>
    public static MailgunDimension Country { get; } = new("country");

    /// <summary><c>recipient_domain</c>: The recipient domain, for example gmail.com.</summary>
    public static MailgunDimension RecipientDomain { get; } = new("recipient_domain");

    /// <summary><c>recipient_provider</c>: The recipient's mailbox provider, for example Gmail.</summary>
    public static MailgunDimension RecipientProvider { get; } = new("recipient_provider");

    /// <summary><c>device</c>: The device type, for example mobile.</summary>
    public static MailgunDimension Device { get; } = new("device");

    /// <summary><c>bot</c>: The automated system that engaged with the email.</summary>
    public static MailgunDimension Bot { get; } = new("bot");

    /// <summary><c>subaccount</c>: The subaccount.</summary>
    public static MailgunDimension Subaccount { get; } = new("subaccount");
}

/// <summary>The rule every metric and dimension name follows.</summary>
internal static class MailgunNames
{
    public static string Check(string name, string paramName, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                throw new ArgumentException($"A {what} name has lower-case letters, digits and underscores only: '{name}'.", paramName);
            }
        }

        return name;
    }
}
