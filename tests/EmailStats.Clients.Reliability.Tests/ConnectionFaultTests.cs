using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>Transport faults WireMock cannot make, from a raw socket server: resets, a stalled body, an oversized body.</summary>
public sealed class ConnectionFaultTests
{
    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_reset_before_the_answer_and_a_reset_mid_body_are_retried_then_the_call_succeeds(string provider)
    {
        await using var server = new HostileServer(Drivers.Drivers.Get(provider), attempt => attempt switch
        {
            0 => HostileMode.ResetBeforeAnswer,
            1 => HostileMode.ResetMidBody,
            _ => HostileMode.Answer,
        });
        await using var h = new Harness(provider, baseAddress: server.BaseAddress);

        Assert.Equal(61, await h.CallAsync(61));

        Assert.Equal(3, server.Requests);
        Assert.Equal(3, h.ClientAttempts);
        h.Done(Scenarios.ResetThenAnswer, "200 after 3 attempts");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_reset_mid_body_on_every_attempt_is_retried_then_a_network_failure(string provider)
    {
        await using var server = new HostileServer(Drivers.Drivers.Get(provider), _ => HostileMode.ResetMidBody);
        await using var h = new Harness(provider, baseAddress: server.BaseAddress);

        var e = await h.FailsWith<EmailStatsTransportException>(62);

        Assert.Equal(TransportFailure.Network, e.Kind);
        Assert.Equal(4, server.Requests);
        Assert.Equal(4, h.ClientAttempts);
        Assert.Equal(h.Driver.ProviderName, e.Provider);
        h.Done(Scenarios.ResetEveryAttempt, "EmailStatsTransportException Network after 4 attempts");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task A_body_that_stalls_after_the_headers_is_cut_by_the_attempt_timeout_and_retried(string provider)
    {
        await using var server = new HostileServer(Drivers.Drivers.Get(provider), _ => HostileMode.StallAfterHeaders);
        await using var h = new Harness(provider, o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1), baseAddress: server.BaseAddress);
        using var caller = new CancellationTokenSource(); // a caller's token that stays live: the failure is the attempt timeout's, not a cancellation

        var e = await h.FailsWith<EmailStatsTransportException>(63, caller.Token);

        Assert.Equal(TransportFailure.Timeout, e.Kind);
        Assert.Equal(4, h.ClientAttempts);
        Assert.InRange(server.Requests, 3, 4); // the last attempt may be abandoned before the server took it
        h.Done(Scenarios.StalledBody, "EmailStatsTransportException Timeout after 4 attempts");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.Names), MemberType = typeof(Drivers.Drivers))]
    public async Task A_body_declared_over_the_limit_is_refused_before_it_is_read(string provider)
    {
        await using var server = new HostileServer(Drivers.Drivers.Get(provider), _ => HostileMode.DeclareHugeBody);
        await using var h = new Harness(provider, baseAddress: server.BaseAddress);

        var e = await h.FailsWith<EmailStatsTransportException>(64);

        Assert.Equal(TransportFailure.ResponseTooLarge, e.Kind);
        Assert.Equal(1, server.Requests);
        h.Done(Scenarios.HugeDeclaredBody, "EmailStatsTransportException ResponseTooLarge after 1 attempt, nothing buffered");
    }
}
