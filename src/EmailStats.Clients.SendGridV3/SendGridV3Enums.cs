namespace EmailStats.Clients.SendGridV3;

/// <summary>How SendGrid v3 groups statistics (<c>aggregated_by</c>). Not set, SendGrid answers one entry per day.</summary>
public enum SendGridAggregation
{
    /// <summary>One entry per day (<c>day</c>).</summary>
    Day,

    /// <summary>One entry per week (<c>week</c>), dated by the week's first day SendGrid reports.</summary>
    Week,

    /// <summary>One entry per month (<c>month</c>), dated by the month's first day SendGrid reports.</summary>
    Month,
}

/// <summary>The order of the sums and monthly statistics (<c>sort_by_direction</c>).</summary>
public enum SendGridSortDirection
{
    /// <summary>Largest first (<c>desc</c>, SendGrid's default).</summary>
    [WireName("desc")]
    Descending,

    /// <summary>Smallest first (<c>asc</c>).</summary>
    [WireName("asc")]
    Ascending,
}

/// <summary>The client types of <see cref="SendGridV3StatsQuery.ForClientType"/> (<c>v3/clients/{client_type}/stats</c>).</summary>
public enum SendGridClientType
{
    /// <summary>Smart phones (<c>phone</c>).</summary>
    Phone,

    /// <summary>Tablets (<c>tablet</c>).</summary>
    Tablet,

    /// <summary>Web-based mail clients (<c>webmail</c>).</summary>
    Webmail,

    /// <summary>Mail software on a desktop computer (<c>desktop</c>).</summary>
    Desktop,
}

/// <summary>The countries the geographic statistics can be narrowed to (<c>country</c>): SendGrid supports only these two.</summary>
public enum SendGridCountry
{
    /// <summary>The United States (<c>US</c>): statistics per state.</summary>
    [WireName("US")]
    US,

    /// <summary>Canada (<c>CA</c>): statistics per province.</summary>
    [WireName("CA")]
    CA,
}
