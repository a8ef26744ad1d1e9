namespace EmailStats.Clients.Reports;

/// <summary>
/// The campaign event a histogram counts (<see cref="IReportsClient.GetEmailHistogramAsync"/>), sent as the
/// <c>eventType</c> query parameter; each value's summary gives its wire name.
/// </summary>
public enum EmailEventType
{
    /// <summary>Emails sent (<c>email-sent</c>).</summary>
    [WireName("email-sent")]
    EmailSent,

    /// <summary>Emails delivered (<c>email-delivered</c>).</summary>
    [WireName("email-delivered")]
    EmailDelivered,

    /// <summary>Emails bounced (<c>email-bounced</c>); the only type whose points carry a hard/soft <see cref="HistogramDetail"/>.</summary>
    [WireName("email-bounced")]
    EmailBounced,

    /// <summary>Contacts unsubscribing for the first time (<c>first-contact-unsubscribed</c>).</summary>
    [WireName("first-contact-unsubscribed")]
    FirstContactUnsubscribed,

    /// <summary>First complaints per email (<c>first-email-complaint</c>).</summary>
    [WireName("first-email-complaint")]
    FirstEmailComplaint,

    /// <summary>First opens per email, that is unique opens (<c>first-email-opened</c>).</summary>
    [WireName("first-email-opened")]
    FirstEmailOpened,

    /// <summary>First clicks per email, that is unique clicks (<c>first-email-clicked</c>).</summary>
    [WireName("first-email-clicked")]
    FirstEmailClicked,
}

/// <summary>
/// The window after sending that a campaign engagement histogram covers
/// (<see cref="IReportsClient.GetCampaignEngagementAsync"/>), sent as the <c>period</c> query parameter.
/// </summary>
public enum EngagementPeriod
{
    /// <summary>The first 24 hours (<c>24hours</c>); the provider's default and this enum's default value.</summary>
    [WireName("24hours")]
    TwentyFourHours,

    /// <summary>The first week (<c>week</c>).</summary>
    Week,

    /// <summary>The first month (<c>month</c>).</summary>
    Month,
}
