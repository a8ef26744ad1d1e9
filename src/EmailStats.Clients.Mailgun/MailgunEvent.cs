namespace EmailStats.Clients.Mailgun;

/// <summary>The events Mailgun counts (query parameter <c>event</c>; several are sent as repeated parameters).</summary>
public enum MailgunEvent
{
    /// <summary>Mailgun accepted the request to send or forward a message and queued it (<c>accepted</c>).</summary>
    Accepted,

    /// <summary>The recipient's server accepted the message (<c>delivered</c>).</summary>
    Delivered,

    /// <summary>The message could not be delivered, temporarily or permanently (<c>failed</c>).</summary>
    Failed,

    /// <summary>The recipient opened the message (<c>opened</c>).</summary>
    Opened,

    /// <summary>The recipient clicked a link (<c>clicked</c>).</summary>
    Clicked,

    /// <summary>The recipient unsubscribed (<c>unsubscribed</c>).</summary>
    Unsubscribed,

    /// <summary>The recipient reported the message as spam (<c>complained</c>).</summary>
    Complained,

    /// <summary>Mailgun stored an incoming message (<c>stored</c>).</summary>
    Stored,
}

/// <summary>The time resolution of statistics (query parameter <c>resolution</c>), also the unit of a <see cref="MailgunDuration"/>.</summary>
public enum MailgunResolution
{
    /// <summary>One entry per hour (<c>hour</c>); Mailgun keeps hourly statistics for two months.</summary>
    Hour,

    /// <summary>One entry per day (<c>day</c>, Mailgun's default); kept for a year.</summary>
    Day,

    /// <summary>One entry per month (<c>month</c>); kept for the lifetime of the domain.</summary>
    Month,
}

/// <summary>The key filtered statistics are grouped by (query parameter <c>group</c> of <c>v3/stats/filter</c>).</summary>
public enum MailgunGroup
{
    /// <summary>One total (<c>total</c>).</summary>
    Total,

    /// <summary>By time at the query's resolution (<c>time</c>).</summary>
    Time,

    /// <summary>By day (<c>day</c>).</summary>
    Day,

    /// <summary>By month (<c>month</c>).</summary>
    Month,

    /// <summary>By sending domain (<c>domain</c>).</summary>
    Domain,

    /// <summary>By sending IP address (<c>ip</c>).</summary>
    Ip,

    /// <summary>By recipient email service provider (<c>provider</c>).</summary>
    Provider,

    /// <summary>By message tag (<c>tag</c>).</summary>
    Tag,

    /// <summary>By recipient country (<c>country</c>).</summary>
    Country,
}
