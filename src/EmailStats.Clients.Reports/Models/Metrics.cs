using System.Text.Json.Serialization;

namespace EmailStats.Clients.Reports;

/// <summary>
/// A counter with its change against the preceding period of the same length, as the dashboard sends
/// <c>sent</c> and <c>delivered</c>: <c>{"count":2379,"diff":0.76}</c>.
/// </summary>
public sealed record CountDiff
{
    /// <summary>The counter (<c>count</c>); 0 when not sent.</summary>
    [JsonPropertyName("count")]
    public long Count { get; init; }

    /// <summary>The signed change in percent against the preceding period (<c>diff</c>); 0 when not sent.</summary>
    [JsonPropertyName("diff")]
    public double Diff { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>
/// A counter value with its change: <c>{"value":733,"diff":-23.41}</c> (dashboard) or
/// <c>{"value":2822,"prev":3942,"diff":-42.28}</c> (overall report, which also sends the preceding period's value).
/// </summary>
public sealed record CountValue
{
    /// <summary>The counter in the period (<c>value</c>); 0 when not sent.</summary>
    [JsonPropertyName("value")]
    public long Value { get; init; }

    /// <summary>The counter in the preceding period (<c>prev</c>); null when not sent (the dashboard never sends it).</summary>
    [JsonPropertyName("prev")]
    public long? Prev { get; init; }

    /// <summary>The signed change in percent against the preceding period (<c>diff</c>); 0 when not sent.</summary>
    [JsonPropertyName("diff")]
    public double Diff { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>
/// A rate in percent with its change: <c>{"value":33.27,"diff":-22.41}</c> (dashboard) or
/// <c>{"value":28.53,"prev":22.32,"diff":30.21}</c> (overall report).
/// </summary>
public sealed record RateValue
{
    /// <summary>The rate in percent, for example 33.27 for 33.27 % (<c>value</c>); 0 when not sent.</summary>
    [JsonPropertyName("value")]
    public double Value { get; init; }

    /// <summary>The rate in the preceding period, in percent (<c>prev</c>); null when not sent.</summary>
    [JsonPropertyName("prev")]
    public double? Prev { get; init; }

    /// <summary>The signed change in percent against the preceding period (<c>diff</c>); 0 when not sent.</summary>
    [JsonPropertyName("diff")]
    public double Diff { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}

/// <summary>
/// A counter and, for the metrics that have one, its rate: <c>{"count":{"value":...,"diff":...},"rate":{"value":...,"diff":...}}</c>.
/// </summary>
public sealed record CountAndRate
{
    private readonly CountValue _count = new();

    /// <summary>The counter (<c>count</c>); all zero when not sent, never null.</summary>
    [JsonPropertyName("count")]
    public CountValue Count { get => _count; init => _count = value ?? new(); }

    /// <summary>The rate (<c>rate</c>); null for metrics the provider sends without one (sent, delivered, complaints, unsubscribes).</summary>
    [JsonPropertyName("rate")]
    public RateValue? Rate { get; init; }

    /// <summary>Fields the provider sent that this model has no property for, kept as sent.</summary>
    [JsonExtensionData]
    [JsonInclude]
    public AdditionalData AdditionalData { get; internal set; } = new();
}
