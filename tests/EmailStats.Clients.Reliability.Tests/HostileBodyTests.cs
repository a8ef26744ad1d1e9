using System.Diagnostics;
using System.Net;
using System.Text;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using EmailStats.Clients.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>Bodies that are broken or built to hurt, sent with status 200: each is read correctly or refused with a typed exception, quickly.</summary>
public sealed class HostileBodyTests
{
    private const string Outcome = "EmailStatsResponseException after 1 attempt";

    private static async Task<EmailStatsResponseException> Refused(Harness h, int tag, Func<WireRequest, Reply> reply)
    {
        h.Serve((request, _) => reply(request));
        var clock = Stopwatch.StartNew();
        var e = await h.FailsWith<EmailStatsResponseException>(tag);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refusing the body took {clock.Elapsed}");
        Assert.Equal(1, h.Attempts);
        Assert.Equal(h.Driver.ProviderName, e.Provider);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.True((e.BodySnippet?.Length ?? 0) <= EmailStatsResponseException.MaxBodySnippetLength);
        return e;
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_valid_body_after_a_byte_order_mark_is_read_as_without_it(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((request, attempt) =>
        {
            var body = Encoding.UTF8.GetBytes(h.Driver.SuccessBody(request));
            return new Reply(200, attempt == 0 ? body : [0xEF, 0xBB, 0xBF, .. body]);
        });

        var plain = await h.CallAsync(110);
        var marked = await h.CallAsync(110);

        Assert.Equal(plain, marked);
        Assert.Equal(2, h.Attempts);
        h.Done(Scenarios.ByteOrderMark, "read, the same values as without the mark");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Truncated_json_is_refused(string provider)
    {
        await using var h = new Harness(provider);
        await Refused(h, 101, request =>
        {
            var body = h.Driver.SuccessBody(request);
            return Reply.Json(body[..(body.Length / 2)]);
        });
        h.Done(Scenarios.TruncatedJson, Outcome);
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Truncated_xml_is_refused(string provider)
    {
        await using var h = new Harness(provider);
        await Refused(h, 102, request =>
        {
            var body = h.Driver.XmlBody(request);
            return Reply.Text(body[..(body.Length / 2)], "application/xml");
        });
        h.Done(Scenarios.TruncatedXml, Outcome);
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task An_html_page_with_200_is_refused(string provider)
    {
        await using var h = new Harness(provider);
        var e = await Refused(h, 103, _ => Reply.Text(
            "<!DOCTYPE html><html><head><title>Sign in to the Wi-Fi</title></head><body>captive portal</body></html>", "text/html; charset=utf-8"));
        Assert.Equal("text/html", e.ContentType);
        Assert.Contains("HTML", e.Message, StringComparison.Ordinal);
        h.Done(Scenarios.HtmlWith200, Outcome);
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task An_empty_body_with_200_is_refused(string provider)
    {
        await using var h = new Harness(provider);
        var e = await Refused(h, 104, _ => Reply.Json(""));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        h.Done(Scenarios.EmptyBody, Outcome);
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_valid_body_under_a_wrong_content_type_is_read_by_its_content(string provider)
    {
        await using var h = new Harness(provider);
        h.Serve((request, _) => Reply.Text(h.Driver.SuccessBody(request), "text/html; charset=utf-8"));

        Assert.Equal(105, await h.CallAsync(105));

        Assert.Equal(1, h.Attempts);
        h.Done(Scenarios.WrongContentType, "read correctly (the body decides, not the header)");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Json_nested_100000_deep_is_refused(string provider)
    {
        await using var h = new Harness(provider);
        var deep = "{\"deep\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        await Refused(h, 106, _ => Reply.Json(deep));
        h.Done(Scenarios.DeepJson, Outcome);
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Xml_nested_100000_deep_is_refused(string provider)
    {
        await using var h = new Harness(provider);
        var deep = "<stats>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</stats>";
        await Refused(h, 107, _ => Reply.Text(deep, "application/xml"));
        h.Done(Scenarios.DeepXml, Outcome);
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task An_xml_entity_expansion_bomb_is_refused_without_expanding(string provider)
    {
        await using var h = new Harness(provider);
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 10; i++)
        {
            bomb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        bomb.Append("]><stats><requests>&lol10;</requests></stats>");
        var before = GC.GetTotalAllocatedBytes();
        var e = await Refused(h, 108, _ => Reply.Text(bomb.ToString(), "application/xml"));

        Assert.True(GC.GetTotalAllocatedBytes() - before < 256L * 1024 * 1024, "the entities were expanded");
        Assert.DoesNotContain("lollollol", string.Concat(SecretAssert.TextsOf(e)), StringComparison.Ordinal);
        h.Done(Scenarios.EntityBomb, Outcome + ", nothing expanded");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Xml_external_entities_are_never_resolved(string provider)
    {
        await using var h = new Harness(provider);
        h.Server.Given(Request.Create().WithPath("/xxe").UsingAnyMethod())
            .AtPriority(1)
            .RespondWith(Response.Create().WithBody("EXFILTRATED"));
        var xxe = "<?xml version=\"1.0\"?><!DOCTYPE stats [" +
            $"<!ENTITY web SYSTEM \"{h.ServerAddress}xxe\"><!ENTITY file SYSTEM \"file:///etc/passwd\">]>" +
            "<stats><requests>&web;</requests><delivered>&file;</delivered></stats>";

        var e = await Refused(h, 109, _ => Reply.Text(xxe, "application/xml"));

        Assert.DoesNotContain(h.Server.LogEntries, entry => entry.RequestMessage.Path == "/xxe");
        var texts = string.Concat(SecretAssert.TextsOf(e));
        Assert.DoesNotContain("EXFILTRATED", texts, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", texts, StringComparison.Ordinal);
        h.Done(Scenarios.ExternalEntity, Outcome + ", nothing fetched or read");
    }
}
