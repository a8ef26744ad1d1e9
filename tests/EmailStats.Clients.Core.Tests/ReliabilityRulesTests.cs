using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using EmailStats.Clients.Internal;

namespace EmailStats.Clients.Core.Tests;

/// <summary>The edges of the rules the reliability suite drove into Core (the suite itself runs them end to end).</summary>
public sealed class ReliabilityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(30);

    private static HttpResponseMessage Answer(RetryConditionHeaderValue? retryAfter, TimeSpan? startedAgo = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        if (startedAgo is { } ago)
        {
            request.Options.Set(ResponseBufferingHandler.FirstAttemptStarted, Now - ago);
        }

        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        response.Headers.RetryAfter = retryAfter;
        return response;
    }

    [Fact]
    public void A_retry_after_that_fits_the_budget_left_is_waited_for()
    {
        Assert.False(RetryAfterBudget.ExceedsBudget(Answer(new(TimeSpan.FromSeconds(10))), Total, Now));
        Assert.False(RetryAfterBudget.ExceedsBudget(Answer(new(Now.AddSeconds(10))), Total, Now));
        Assert.False(RetryAfterBudget.ExceedsBudget(Answer(new(Now.AddSeconds(-5))), Total, Now)); // a date already past: retry now
        Assert.False(RetryAfterBudget.ExceedsBudget(Answer(null), Total, Now));
        Assert.False(RetryAfterBudget.ExceedsBudget(null, Total, Now)); // an exception, not an answer
    }

    [Fact]
    public void A_retry_after_as_long_as_the_budget_left_or_longer_is_not()
    {
        Assert.True(RetryAfterBudget.ExceedsBudget(Answer(new(TimeSpan.FromSeconds(30))), Total, Now));
        Assert.True(RetryAfterBudget.ExceedsBudget(Answer(new(TimeSpan.FromHours(1))), Total, Now));
        Assert.True(RetryAfterBudget.ExceedsBudget(Answer(new(Now.AddMinutes(5))), Total, Now));

        // 10 s fits a fresh call's 30 s, not one that started 25 s ago.
        Assert.True(RetryAfterBudget.ExceedsBudget(Answer(new(TimeSpan.FromSeconds(10)), startedAgo: TimeSpan.FromSeconds(25)), Total, Now));
        Assert.False(RetryAfterBudget.ExceedsBudget(Answer(new(TimeSpan.FromSeconds(10)), startedAgo: TimeSpan.FromSeconds(5)), Total, Now));
    }

    [Fact]
    public void An_exception_that_quotes_a_secret_is_replaced_by_a_masked_copy_of_its_kind()
    {
        var secrets = new Secrets("k3y/Secret+1");
        var inner = new JsonException("'nul' is invalid near \"k3y/Secret+1\"", "$.errors[0]['k3y/Secret+1']", 0, 70, new FormatException("k3y/Secret+1"));

        var json = Assert.IsType<JsonException>(secrets.Sanitize(inner));
        Assert.Equal("'nul' is invalid near \"***\"", json.Message);
        Assert.Equal("$.errors[0]['***']", json.Path);
        Assert.Equal(70, json.BytePositionInLine);
        Assert.Null(json.InnerException);

        Assert.IsType<XmlException>(secrets.Sanitize(new XmlException("bad k3y%2FSecret%2B1")));
        Assert.Equal("bad ***", secrets.Sanitize(new XmlException("bad k3y%2FSecret%2B1"))!.Message);
        Assert.IsType<InvalidOperationException>(secrets.Sanitize(new ArgumentException("k3y/Secret+1")));
        Assert.IsType<JsonException>(secrets.Sanitize(new JsonException("outer", new IOException("k3y/Secret+1"))));
    }

    [Fact]
    public void An_exception_without_a_secret_is_kept_as_it_is()
    {
        var secrets = new Secrets("k3y/Secret+1");
        var inner = new JsonException("'nul' is an invalid JSON literal", new FormatException("no secret"));

        Assert.Same(inner, secrets.Sanitize(inner));
        Assert.Null(secrets.Sanitize(null));
        Assert.Same(inner, Secrets.None.Sanitize(inner));
    }
}
