using EmailStats.Clients.Testing;

namespace EmailStats.Clients.Reports.Tests;

/// <summary>Bad input is refused before any request: the counting handler must stay at 0.</summary>
public sealed class QueryTests : IDisposable
{
    private readonly CountingHandler _handler = new();
    private readonly HttpClient _http;
    private readonly ReportsClient _client;

    public QueryTests()
    {
        _http = _handler.CreateClient();
        _client = new ReportsClient(_http, new ReportsOptions { ApiKey = Fixture.Key, BaseAddress = new Uri("http://127.0.0.1:9/") });
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(91)]
    [InlineData(int.MaxValue)]
    public void Past_days_outside_1_to_90_are_refused(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReportsQuery.PastDays(days));

        Assert.Equal("days", error.ParamName);
        Assert.Contains("between 1 and 90", error.Message);
        Assert.Equal(days, error.ActualValue);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void Past_days_1_and_90_are_accepted_in_UTC(int days)
    {
        var query = ReportsQuery.PastDays(days);

        Assert.Equal(days, query.Days);
        Assert.Equal("UTC", query.TimeZone);
    }

    [Theory]
    [InlineData("Europe/Paris", "Europe/Paris")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("UTC", "UTC")]
    [InlineData("Etc/UTC", "Etc/UTC")]
    public void Iana_time_zones_are_accepted(string timeZone, string sent)
    {
        Assert.Equal(sent, ReportsQuery.PastDays(30).InTimeZone(timeZone).TimeZone);
    }

    [Fact]
    public void A_zone_that_is_not_in_the_database_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportsQuery.PastDays(30).InTimeZone("Mars/Base"));

        Assert.Equal("timeZone", error.ParamName);
        Assert.Contains("'Mars/Base' is not a time zone of the IANA time zone database", error.Message);
    }

    [Fact]
    public void A_windows_time_zone_id_is_refused_and_the_iana_id_is_suggested()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportsQuery.PastDays(30).InTimeZone("Pacific Standard Time"));

        Assert.Equal("timeZone", error.ParamName);
        Assert.Contains("'Pacific Standard Time' is a Windows time zone id", error.Message);
        Assert.Contains("America/Los_Angeles", error.Message);
    }

    [Theory]
    [InlineData("europe/paris")]
    [InlineData("utc")]
    public void A_zone_must_be_spelled_as_in_the_database(string timeZone)
    {
        // Looked up once in the right case first, so the lookup below finds the cached zone on every platform.
        _ = ReportsQuery.PastDays(30).InTimeZone("Europe/Paris");

        var error = Assert.Throws<ArgumentException>(() => ReportsQuery.PastDays(30).InTimeZone(timeZone));

        Assert.Equal("timeZone", error.ParamName);
        Assert.Contains("must be spelled exactly as in the IANA time zone database", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" Europe/Paris")]
    [InlineData("Europe/Paris\n")]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("right/Europe/Paris")]
    [InlineData("../../etc/passwd")]
    public void Empty_padded_and_non_zone_names_are_refused(string timeZone)
    {
        var error = Assert.Throws<ArgumentException>(() => ReportsQuery.PastDays(30).InTimeZone(timeZone));

        Assert.Equal("timeZone", error.ParamName);
    }

    [Fact]
    public void A_null_time_zone_is_refused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ReportsQuery.PastDays(30).InTimeZone(null!));

        Assert.Equal("timeZone", error.ParamName);
    }

    [Fact]
    public async Task The_engagement_time_zone_follows_the_same_rule_before_any_request()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetCampaignEngagementAsync("c1", EngagementPeriod.Week, "Pacific Standard Time"));

        Assert.Equal("timeZone", error.ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task An_undefined_event_type_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.GetEmailHistogramAsync(ReportsQuery.PastDays(7), (EmailEventType)42));

        Assert.Equal("eventType", error.ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task An_undefined_period_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.GetCampaignEngagementAsync("c1", (EngagementPeriod)(-1)));

        Assert.Equal("period", error.ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" c1")]
    [InlineData("c1\r\n")]
    public async Task Empty_or_path_changing_campaign_ids_are_refused_before_any_request(string campaignId)
    {
        var report = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetCampaignReportAsync(campaignId));
        var engagement = await Assert.ThrowsAsync<ArgumentException>(() => _client.GetCampaignEngagementAsync(campaignId, EngagementPeriod.Week));

        Assert.Equal("campaignId", report.ParamName);
        Assert.Equal("campaignId", engagement.ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task A_null_campaign_id_or_query_is_refused_before_any_request()
    {
        Assert.Equal("campaignId", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetCampaignReportAsync(null!))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetDashboardAsync(null!))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetEmailOverallAsync(null!))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.GetEmailHistogramAsync(null!, EmailEventType.EmailSent))).ParamName);
        Assert.Equal(0, _handler.Count);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetDashboardAsync(ReportsQuery.PastDays(7), cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetCampaignReportAsync("c1", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _client.ListCampaignsAsync(null, cts.Token).ToListAsync());
        Assert.Equal(0, _handler.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Page_sizes_outside_1_to_100_are_refused(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignListQuery().WithPageSize(size));

        Assert.Equal("pageSize", error.ParamName);
    }

    [Fact]
    public void Bad_statuses_and_sort_fields_are_refused()
    {
        Assert.Equal("statuses", Assert.Throws<ArgumentException>(() => new CampaignListQuery().WithStatuses()).ParamName);
        Assert.Equal("statuses", Assert.Throws<ArgumentException>(() => new CampaignListQuery().WithStatuses("sent", " ")).ParamName);
        Assert.Equal("statuses", Assert.Throws<ArgumentException>(() => new CampaignListQuery().WithStatuses("sent,draft")).ParamName);
        Assert.Equal("statuses", Assert.Throws<ArgumentNullException>(() => new CampaignListQuery().WithStatuses(null!)).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => new CampaignListQuery().OrderBy("")).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => new CampaignListQuery().OrderByDescending("updatedAt:asc")).ParamName);
        Assert.Equal("field", Assert.Throws<ArgumentException>(() => new CampaignListQuery().OrderBy("created at")).ParamName);
    }

    [Fact]
    public void Options_without_a_base_address_are_refused_and_say_where_to_find_it()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportsClient(_http, new ReportsOptions { ApiKey = Fixture.Key }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("BaseAddress is required and has no default", error.Message);
        Assert.Contains("Settings > API Keys", error.Message);
    }

    [Fact]
    public void Options_without_a_key_or_with_a_bad_address_name_every_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportsClient(_http, new ReportsOptions { BaseAddress = new Uri("ftp://example.com/") }));

        Assert.Contains("ApiKey is required", error.Message);
        Assert.Contains("BaseAddress must be an absolute http or https URI", error.Message);
    }

    [Fact]
    public void A_key_with_white_space_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReportsClient(_http, new ReportsOptions { ApiKey = "abc\r\nX-Other: 1", BaseAddress = new Uri("https://example.com/") }));

        Assert.Contains("must not contain white space or control characters", error.Message);
        SecretAssert.NotIn(SecretAssert.TextsOf(error), "abc\r\nX-Other: 1");
    }

    [Fact]
    public void Null_arguments_to_the_constructor_are_refused()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new ReportsClient(null!, new ReportsOptions())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ReportsClient(_http, null!)).ParamName);
    }
}
