using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Xunit.Abstractions;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>Concurrent calls through one DI registration: every answer reaches its own caller, connections are pooled, handlers rotate.</summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Concurrency = 500;

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task Five_hundred_concurrent_calls_each_get_their_own_answer_over_pooled_connections(string provider)
    {
        var builds = new HandlerBuilds();
        // Timeouts are not what this measures: generous ones, so that a saturated machine does not turn waits into retries.
        await using var h = new Harness(
            provider,
            o =>
            {
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            },
            configureClient: b => b.Services.AddSingleton<IHttpMessageHandlerBuilderFilter>(builds));
        h.Serve((request, _) => Reply.Json(h.Driver.SuccessBody(request)) with { Delay = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 20)) });
        var port = h.ServerAddress.Port;

        for (var wave = 0; wave < 2; wave++)
        {
            var tags = Enumerable.Range(1000 * (wave + 1), Concurrency).ToArray();
            using var start = new ManualResetEventSlim();
            var calls = tags.Select(tag => Task.Run(async () =>
            {
                start.Wait();
                return (Tag: tag, Answer: await h.CallAsync(tag));
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(calls);

            Assert.All(results, r => Assert.Equal(r.Tag, r.Answer));
        }

        var sockets = ClientSockets(port);
        output.WriteLine($"{provider}: {2 * Concurrency} calls, {h.Attempts} requests, {sockets} client sockets to the server, {builds.Count(h.ClientName)} handler chain(s) built");
        var retries = h.Attempts - 2 * Concurrency; // none, unless the machine is saturated
        Assert.InRange(retries, 0, Concurrency / 10);
        Assert.Equal(1, builds.Count(h.ClientName));
        Assert.InRange(sockets, 1, Concurrency + retries); // pooled: at most one per concurrent call, over two waves
        h.Done(Scenarios.Concurrent500, $"{2 * Concurrency} answers, each to its own caller; 1 handler chain; at most {Concurrency} sockets");
    }

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task The_handler_lifetime_is_respected_by_the_registration(string provider)
    {
        var builds = new HandlerBuilds();
        await using var h = new Harness(provider, configureClient: b =>
        {
            // Long enough that the first two calls fit in it on a loaded 2-core machine (seven providers run here).
            b.SetHandlerLifetime(TimeSpan.FromSeconds(5));
            b.Services.AddSingleton<IHttpMessageHandlerBuilderFilter>(builds);
        });
        h.ServeSuccess();

        Assert.Equal(1, await h.CallAsync(1));
        Assert.Equal(2, await h.CallAsync(2));
        Assert.Equal(1, builds.Count(h.ClientName));

        // Past the lifetime the factory retires the chain (on a timer) and the next client gets a new one.
        await Task.Delay(TimeSpan.FromSeconds(5));
        for (var tag = 3; tag < 40 && builds.Count(h.ClientName) < 2; tag++)
        {
            Assert.Equal(tag, await h.CallAsync(tag));
            await Task.Delay(250);
        }

        Assert.Equal(2, builds.Count(h.ClientName));
        h.Done(Scenarios.HandlerLifetime, "one handler chain within the lifetime, a new one after it");
    }

    /// <summary>Client-side TCP sockets (any state, TIME_WAIT included) whose remote end is the server's port.</summary>
    private static int ClientSockets(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == port && IPAddress.IsLoopback(c.RemoteEndPoint.Address));

    /// <summary>Counts how often the factory builds a handler chain, per client name, without changing the chain.</summary>
    private sealed class HandlerBuilds : IHttpMessageHandlerBuilderFilter
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Count(string name) => _counts.GetValueOrDefault(name);

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            _counts.AddOrUpdate(builder.Name ?? "", 1, static (_, n) => n + 1);
        };
    }
}
