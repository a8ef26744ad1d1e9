using EmailStats.Clients.GetResponse;
using EmailStats.Clients.SendGridV3;

namespace EmailStats.Clients.Sandbox.Tests;

/// <summary>
/// The one page walk shape (EmailStatsPageable): every item, or pages with continuation tokens that resume the walk
/// where it stopped, a page size chosen per walk, tokens and sizes checked before anything is sent.
/// </summary>
public sealed class PageableTests : IDisposable
{
    private static readonly DateOnly Today = SandboxServer.Today;

    private readonly EmailStatsSandbox _sandbox = EmailStatsSandbox.Create(new SandboxOptions { Today = Today, HistoryDays = 30 });

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Every_subuser_of_a_parent_comes_once_whether_walked_whole_page_by_page_or_resumed_from_a_token()
    {
        var agency = _sandbox.AddSendGridAccount("walk", subusers: 230);
        var client = SendGridV3(agency);
        var week = SendGridV3StatsQuery.Between(Today.AddDays(-7), Today.AddDays(-1)).SortBy(SendGridV3Metric.Requests);

        var whole = new List<string?>();
        await foreach (var entry in client.GetAllSubuserSumsAsync(week))
        {
            whole.Add(entry.Name);
        }

        var pages = new List<EmailStatsPage<SendGridV3StatsEntry>>();
        await foreach (var page in client.GetAllSubuserSumsAsync(week).AsPages(pageSizeHint: 50))
        {
            pages.Add(page);
        }

        // Stop after two pages, then resume elsewhere from the second page's token.
        var resumed = new List<string?>();
        await foreach (var page in client.GetAllSubuserSumsAsync(week).AsPages(pages[1].ContinuationToken, pageSizeHint: 50))
        {
            resumed.AddRange(page.Items.Select(e => e.Name));
        }

        Assert.Equal(230, whole.Count);
        Assert.Equal(agency.Subusers.Order(StringComparer.Ordinal), whole.Order(StringComparer.Ordinal));
        Assert.Equal([50, 50, 50, 50, 30], pages.Select(p => p.Items.Count));
        Assert.Equal(["50", "100", "150", "200", null], pages.Select(p => p.ContinuationToken));
        Assert.Equal(whole, pages.SelectMany(p => p.Items).Select(e => e.Name));
        Assert.Equal(whole.Skip(100), resumed);
    }

    [Fact]
    public async Task A_getresponse_walk_resumes_from_its_page_number()
    {
        var account = _sandbox.AddGetResponseAccount("walker", newsletters: 3);
        var options = new GetResponseOptions();
        account.Configure(options);
        var client = new GetResponseStatsClient(new HttpClient(_sandbox.CreateHandler()), options);
        var hours = GetResponseStatsQuery.All().GroupedBy(GetResponseGrouping.Hour).CreatedBetween(Today.AddDays(-29), Today);
        var id = account.NewsletterIds[0];

        var pages = new List<EmailStatsPage<GetResponseStatsPeriod>>();
        await foreach (var page in client.GetAllNewsletterStatsAsync(id, hours).AsPages(pageSizeHint: 5))
        {
            pages.Add(page);
        }

        var fromThird = new List<GetResponseStatsPeriod>();
        await foreach (var page in client.GetAllNewsletterStatsAsync(id, hours).AsPages(pages[1].ContinuationToken, 5))
        {
            fromThird.AddRange(page.Items);
        }

        Assert.True(pages.Count > 3, $"{pages.Count} pages");
        Assert.Equal("2", pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(pages.Skip(2).SelectMany(p => p.Items), fromThird);
    }

    [Fact]
    public async Task A_foreign_token_a_bad_page_size_or_an_offset_are_refused_before_anything_is_sent()
    {
        var client = SendGridV3(_sandbox.SendGrid);
        var week = SendGridV3StatsQuery.Between(Today.AddDays(-7), Today.AddDays(-1));
        var before = _sandbox.RequestCount;

        var token = Assert.Throws<ArgumentException>(() => client.GetAllCategorySumsAsync(week).AsPages("page-two"));
        var negative = Assert.Throws<ArgumentException>(() => client.GetAllCategorySumsAsync(week).AsPages("-5"));
        var size = Assert.Throws<ArgumentOutOfRangeException>(() => client.GetAllCategorySumsAsync(week).AsPages(pageSizeHint: 0));
        var offset = Assert.Throws<ArgumentException>(() => client.GetAllCategorySumsAsync(week.AtOffset(10)));

        Assert.Equal("continuationToken", token.ParamName);
        Assert.Equal("continuationToken", negative.ParamName);
        Assert.Equal("pageSize", size.ParamName);
        Assert.Contains("AsPages(continuationToken)", offset.Message, StringComparison.Ordinal);
        Assert.Equal(before, _sandbox.RequestCount);
    }

    [Fact]
    public async Task A_walk_stops_when_the_token_of_the_call_that_made_it_is_cancelled()
    {
        var agency = _sandbox.AddSendGridAccount("cancel", subusers: 40);
        var client = SendGridV3(agency);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in client.GetAllSubuserSumsAsync(SendGridV3StatsQuery.Between(Today.AddDays(-2), Today.AddDays(-1)), cancel.Token).AsPages(pageSizeHint: 10))
            {
                seen += page.Items.Count;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(10, seen);
    }

    private SendGridV3StatsClient SendGridV3(SendGridSandboxAccount account)
    {
        var options = new SendGridV3Options();
        account.Configure(options);
        return new SendGridV3StatsClient(new HttpClient(_sandbox.CreateHandler()), options);
    }
}
