using System.Net;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>
/// Server errors are retried; WireMock's faults (its own response builders: scenarios, <c>WithFault</c>) show how a
/// broken body is told apart from a refused call.
/// </summary>
public sealed class ServerErrorTests
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task Two_503s_then_a_200_succeed_on_the_third_attempt(string provider)
    {
        await using var h = new Harness(provider);
        const string Flaky = "flaky";
        h.Server.Given(Harness.MainCall()).InScenario(Flaky).WillSetStateTo("one 503 sent")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/json").WithBody(h.Driver.ErrorBody("maintenance")));
        h.Server.Given(Harness.MainCall()).InScenario(Flaky).WhenStateIs("one 503 sent").WillSetStateTo("two 503s sent")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/json").WithBody(h.Driver.ErrorBody("maintenance")));
        h.Server.Given(Harness.MainCall()).InScenario(Flaky).WhenStateIs("two 503s sent")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(h.SuccessBody));

        Assert.Equal(51, await h.CallAsync(51));

        Assert.Equal(3, h.ServerRequests);
        Assert.Equal(3, h.ClientAttempts);
        Assert.Equal(2, h.RetryDelays.Count);
        h.Done(Scenarios.ServerErrorsThenSuccess, "200 after 3 attempts");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task An_empty_response_fault_on_a_200_is_an_unreadable_answer_not_retried(string provider)
    {
        await using var h = new Harness(provider);
        h.Server.Given(Harness.MainCall()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(StaticSuccessBody(h))
            .WithFault(FaultType.EMPTY_RESPONSE));

        var e = await h.FailsWith<EmailStatsResponseException>(52);

        Assert.Equal(1, h.ClientAttempts);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("", e.BodySnippet);
        h.Done(Scenarios.EmptyResponse200, "EmailStatsResponseException after 1 attempt (a complete 200 answer: not retried)");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task An_empty_response_fault_on_a_503_is_retried_then_an_api_exception(string provider)
    {
        await using var h = new Harness(provider);
        h.Server.Given(Harness.MainCall()).RespondWith(Response.Create()
            .WithStatusCode(503).WithHeader("Content-Type", "application/json").WithBody(h.Driver.ErrorBody("unavailable"))
            .WithFault(FaultType.EMPTY_RESPONSE));

        var e = await h.FailsWith<EmailStatsApiException>(53);

        Assert.Equal(4, h.ClientAttempts);
        Assert.Equal(4, h.ServerRequests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        h.Done(Scenarios.EmptyResponse503, "EmailStatsApiException 503 after 4 attempts");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_malformed_chunk_fault_on_a_200_is_an_unreadable_answer_not_retried(string provider)
    {
        await using var h = new Harness(provider);
        h.Server.Given(Harness.MainCall()).RespondWith(Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(StaticSuccessBody(h))
            .WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

        var e = await h.FailsWith<EmailStatsResponseException>(54);

        Assert.Equal(1, h.ClientAttempts);
        Assert.Equal(HttpStatusCode.OK, e.StatusCode);
        h.Done(Scenarios.MalformedChunk200, "EmailStatsResponseException after 1 attempt (a complete 200 answer: not retried)");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_malformed_chunk_fault_on_a_502_is_retried_then_an_api_exception(string provider)
    {
        await using var h = new Harness(provider);
        h.Server.Given(Harness.MainCall()).RespondWith(Response.Create()
            .WithStatusCode(502).WithHeader("Content-Type", "application/json").WithBody(h.Driver.ErrorBody("bad gateway"))
            .WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

        var e = await h.FailsWith<EmailStatsApiException>(55);

        Assert.Equal(4, h.ClientAttempts);
        Assert.Equal(4, h.ServerRequests);
        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        h.Done(Scenarios.MalformedChunk502, "EmailStatsApiException 502 after 4 attempts");
    }

    /// <summary>
    /// A well-formed success body given as a fixed string: WireMock.Net 1.25.0 drops the fault of a response whose body
    /// is computed per request, and the fault destroys the body anyway.
    /// </summary>
    private static string StaticSuccessBody(Harness h) =>
        h.Driver.SuccessBody(new WireRequest("GET", "/", new Dictionary<string, string>(), ""));
}
