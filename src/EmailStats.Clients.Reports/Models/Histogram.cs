namespace EmailStats.Clients.Reports;

/// <summary>
/// A time series: <c>{"start":...,"end":...,"histogram":[{"date":...,"total":4,"detail":{...}}],"peak":{...}}</c>.
/// Returned by <see cref="IReportsClient.GetEmailHistogramAsync"/> and <see cref="IReportsClient.GetCampaignEngagementAsync"/>,
/// and part of the dashboard's contact section.
/// </summary>
public sealed record ReportHistogram
{
    private readonly IReadOnlyList<HistogramPoint> _histogram = [];

    /// <summary>The start of the period (<c>start</c>); null when not sent.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The end of the period (<c>end</c>); null when not sent.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The points, in the order sent (<c>histogram</c>); empty when none, never null.</summary>
    public IReadOnlyList<HistogramPoint> Histogram { get => _histogram; init => _histogram = ModelLists.Clean(value); }

    /// <summary>The busiest point or bucket (<c>peak</c>); null when not sent.</summary>
    public HistogramPeak? Peak { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>One point of a <see cref="ReportHistogram"/>: <c>{"date":"2024-09-23T17:00:00.000Z","total":4,"detail":{"hard":3,"soft":1}}</c>.</summary>
public sealed record HistogramPoint
{
    /// <summary>The start of the point's bucket (<c>date</c>); required.</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The count in the bucket (<c>total</c>); 0 when not sent.</summary>
    public long Total { get; init; }

    /// <summary>
    /// The split of <see cref="Total"/> (<c>detail</c>): hard/soft for <see cref="EmailEventType.EmailBounced"/>,
    /// unique opens/clicks for campaign engagement; null when not sent (the other event types).
    /// </summary>
    public HistogramDetail? Detail { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>
/// The split of a histogram point: <c>{"hard":3,"soft":1}</c> (bounces) or <c>{"uniqueOpens":3,"uniqueClicks":1}</c>
/// (engagement). Each counter is null when the provider did not send it.
/// </summary>
public sealed record HistogramDetail
{
    /// <summary>Hard bounces (<c>hard</c>); null when not sent.</summary>
    public long? Hard { get; init; }

    /// <summary>Soft bounces (<c>soft</c>); null when not sent.</summary>
    public long? Soft { get; init; }

    /// <summary>Unique opens (<c>uniqueOpens</c>); null when not sent.</summary>
    public long? UniqueOpens { get; init; }

    /// <summary>Unique clicks (<c>uniqueClicks</c>); null when not sent.</summary>
    public long? UniqueClicks { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}

/// <summary>
/// The peak of a histogram, in one of two forms the provider uses: a point (<c>{"date":...,"total":4}</c>, dashboard)
/// or a bucket (<c>{"startDate":...,"endDate":...,"total":4}</c>, histograms and engagement).
/// <see cref="PeriodStart"/> and <see cref="PeriodEnd"/> read either form.
/// </summary>
public sealed record HistogramPeak
{
    /// <summary>The peak point (<c>date</c>, point form); null in the bucket form.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The start of the peak bucket (<c>startDate</c>, bucket form); null in the point form.</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The end of the peak bucket (<c>endDate</c>, bucket form); null in the point form.</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The count at the peak (<c>total</c>); 0 when not sent.</summary>
    public long Total { get; init; }

    /// <summary>Where the peak starts, whichever form was sent: <see cref="StartDate"/>, else <see cref="Date"/>. Not a wire field.</summary>
    public DateTimeOffset? PeriodStart => StartDate ?? Date;

    /// <summary>Where the peak ends, whichever form was sent: <see cref="EndDate"/>, else <see cref="Date"/>. Not a wire field.</summary>
    public DateTimeOffset? PeriodEnd => EndDate ?? Date;

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    public AdditionalData AdditionalData { get; init; } = AdditionalData.Empty;
}
