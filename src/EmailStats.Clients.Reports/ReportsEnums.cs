namespace EmailStats.Clients.Reports;

/// <summary>
/// The campaign event a histogram counts (<see cref="IReportsClient.GetEmailHistogramAsync"/>), sent as the
/// <c>eventType</c> query parameter; each value's summary gives its wire name.
/// </summary>
public enum EmailEventType
{
    /// <summary>Emails sent (<c>email-sent</c>).</summary>
    EmailSent,

    /// <summary>Emails delivered (<c>email-delivered</c>).</summary>
    EmailDelivered,

    /// <summary>Emails bounced (<c>email-bounced</c>); the only type whose points carry a hard/soft <see cref="HistogramDetail"/>.</summary>
    EmailBounced,

    /// <summary>Contacts unsubscribing for the first time (<c>first-contact-unsubscribed</c>).</summary>
    FirstContactUnsubscribed,

    /// <summary>First complaints per email (<c>first-email-complaint</c>).</summary>
    FirstEmailComplaint,

    /// <summary>First opens per email, that is unique opens (<c>first-email-opened</c>).</summary>
    FirstEmailOpened,

    /// <summary>First clicks per email, that is unique clicks (<c>first-email-clicked</c>).</summary>
    FirstEmailClicked,
}

/// <summary>
/// The window after sending that a campaign engagement histogram covers
/// (<see cref="IReportsClient.GetCampaignEngagementAsync"/>), sent as the <c>period</c> query parameter.
/// </summary>
public enum EngagementPeriod
{
    /// <summary>The first 24 hours (<c>24hours</c>); the provider's default and this enum's default value.</summary>
    TwentyFourHours,

    /// <summary>The first week (<c>week</c>).</summary>
    Week,

    /// <summary>The first month (<c>month</c>).</summary>
    Month,
}

/// <summary>The wire names of this package's enums (the one convention of every package: <c>XxxWireNames.Of</c>, internal).</summary>
internal static class ReportsWireNames
{
    /// <summary>The <c>eventType</c> value of <paramref name="eventType"/>, for example <c>email-bounced</c>.</summary>
    /// <param name="eventType">A defined <see cref="EmailEventType"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eventType"/> is not a defined value.</exception>
    public static string Of(EmailEventType eventType) => eventType switch
    {
        EmailEventType.EmailSent => "email-sent",
        EmailEventType.EmailDelivered => "email-delivered",
        EmailEventType.EmailBounced => "email-bounced",
        EmailEventType.FirstContactUnsubscribed => "first-contact-unsubscribed",
        EmailEventType.FirstEmailComplaint => "first-email-complaint",
        EmailEventType.FirstEmailOpened => "first-email-opened",
        EmailEventType.FirstEmailClicked => "first-email-clicked",
        _ => throw new ArgumentOutOfRangeException(nameof(eventType), eventType, "Not a defined EmailEventType; use one of EmailSent, EmailDelivered, EmailBounced, FirstContactUnsubscribed, FirstEmailComplaint, FirstEmailOpened, FirstEmailClicked."),
    };

    /// <summary>The <c>period</c> value of <paramref name="period"/>: <c>24hours</c>, <c>week</c> or <c>month</c>.</summary>
    /// <param name="period">A defined <see cref="EngagementPeriod"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not a defined value.</exception>
    public static string Of(EngagementPeriod period) => period switch
    {
        EngagementPeriod.TwentyFourHours => "24hours",
        EngagementPeriod.Week => "week",
        EngagementPeriod.Month => "month",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Not a defined EngagementPeriod; use TwentyFourHours (24hours), Week or Month."),
    };
}
