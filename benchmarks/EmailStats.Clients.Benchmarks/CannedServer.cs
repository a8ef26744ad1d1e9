using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Benchmarks;

/// <summary>A canned answer: the bytes and their Content-Type.</summary>
public readonly record struct CannedResponse(byte[] Body, string ContentType);

/// <summary>
/// An in-process Kestrel server on a loopback port that answers every request with canned bytes, chosen by the
/// request (path) with no parsing: its own cost is a small constant, the same for every variant measured. Not
/// WireMock, whose matching and templating would dominate the measurement.
/// </summary>
public sealed class CannedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CannedServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    public static CannedServer Start(Func<HttpRequest, CannedResponse> select)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        app.Run(async context =>
        {
            var canned = select(context.Request);
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = canned.ContentType;
            response.ContentLength = canned.Body.Length;
            await response.Body.WriteAsync(canned.Body, context.RequestAborted).ConfigureAwait(false);
        });

        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CannedServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
