using System.Reflection;
using System.Text.Json.Nodes;
using EmailStats.Clients.Sandbox.Data;
using EmailStats.Clients.Sandbox.Providers;
using EmailStats.Clients.GetResponse;
using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Mailgun;
using EmailStats.Clients.Reports;
using EmailStats.Clients.SendGridV2;
using EmailStats.Clients.SendGridV3;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// An in-process fake of every provider on one loopback port, each under its own path (<c>/sendgrid/</c>, ...).
/// It serves the recorded fixtures (including fixed error and drift answers) and, for its own accounts, data
/// generated for any date range: deterministic, with totals that are the sums of their days. Faults can be queued
/// per provider. Dispose it to stop the server.
/// </summary>
/// <example>
/// <code>
/// using var sandbox = EmailStatsSandbox.Start();
/// services.AddSendGridV2StatsClient(o => sandbox.Configure(o));
/// </code>
/// </example>
public sealed partial class EmailStatsSandbox : IDisposable
{
    private const int GeneratedPriority = 1_000;
    private readonly WireMockServer _server;
    private readonly List<SandboxProviderHost> _hosts = [];

    private EmailStatsSandbox(SandboxOptions options)
    {
        if (options.HistoryDays is < 1 or > 3650)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HistoryDays, "HistoryDays must be from 1 to 3650.");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "Port must be from 0 to 65535.");
        }

        Today = options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        Data = new SandboxData(Today, options.HistoryDays);
        _server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{options.Port}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
        });

        try
        {
            Url = new Uri(_server.Url!.TrimEnd('/') + "/");
            SendGridV2 = new SendGridV2Sandbox(new Uri(Url, "sendgrid/"));
            SendGridV3 = new SendGridV3Sandbox(new Uri(Url, "sendgrid/"));
            JsonRpcMessages = new JsonRpcMessagesSandbox(new Uri(Url, "getresponse/"));
            GetResponse = new GetResponseSandbox(new Uri(Url, "getresponse/v3/"));
            Mailgun = new MailgunSandbox(new Uri(Url, "mailgun/"));
            Reports = new ReportsSandbox(new Uri(Url, "benchmark/"));
            Add(new SendGridV2SandboxHost(Data, SendGridV2));
            Add(new SendGridV3SandboxHost(Data, SendGridV3));
            var messages = new JsonRpcMessagesSandboxData(Data);
            Add(new JsonRpcMessagesSandboxHost(messages, JsonRpcMessages));
            Add(new GetResponseSandboxHost(Data, messages, GetResponse));
            Add(new MailgunSandboxHost(Data, Mailgun));
            Add(new ReportsSandboxHost(Data, Reports));
        }
        catch
        {
            _server.Dispose();
            throw;
        }
    }

    /// <summary>The server's root address (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Url { get; }

    /// <summary>The last day with data (UTC).</summary>
    public DateOnly Today { get; }

    /// <summary>
    /// The sandbox's clock: it stands still at the last second of <see cref="Today"/> (UTC), where the data ends, and is
    /// the "now" of every provider host (a query without an end ends there; a zone ahead of UTC is already in the next
    /// day). Give it to the one-view sources built over the sandbox (the <c>timeProvider</c> of each
    /// <see cref="EmailStatsSource"/>), so that their today is the sandbox's.
    /// </summary>
    public TimeProvider Clock => Data.Clock;

    /// <summary>The SendGrid v2 account.</summary>
    public SendGridV2Sandbox SendGridV2 { get; }

    /// <summary>The SendGrid v3 account: the v2 account's users as its subusers, under the same root.</summary>
    public SendGridV3Sandbox SendGridV3 { get; }

    /// <summary>The GetResponse JSON-RPC account.</summary>
    public JsonRpcMessagesSandbox JsonRpcMessages { get; }

    /// <summary>The GetResponse API v3 account: the JSON-RPC account's messages as its newsletters, under the same root.</summary>
    public GetResponseSandbox GetResponse { get; }

    /// <summary>The Mailgun account.</summary>
    public MailgunSandbox Mailgun { get; }

    /// <summary>The Benchmark Email reports account.</summary>
    public ReportsSandbox Reports { get; }

    /// <summary>Faults to serve before normal answers, per provider.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>How many requests the sandbox has received.</summary>
    public int RequestCount => _server.LogEntries.Count();

    internal SandboxData Data { get; }

    internal WireMockServer Server => _server;

    /// <summary>Starts the sandbox on a loopback port.</summary>
    /// <param name="options">Today, history length and port; defaults when null.</param>
    /// <returns>The running sandbox.</returns>
    public static EmailStatsSandbox Start(SandboxOptions? options = null) => new(options ?? new SandboxOptions());

    /// <summary>Points SendGrid v2 options at the sandbox (base address and credentials).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV2Options options) => SendGridV2.Configure(options);

    /// <summary>Points SendGrid v3 options at the sandbox (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV3Options options) => SendGridV3.Configure(options);

    /// <summary>Points JSON-RPC message statistics options at the sandbox (endpoint and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(JsonRpcMessagesOptions options) => JsonRpcMessages.Configure(options);

    /// <summary>Points GetResponse API v3 options at the sandbox (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(GetResponseOptions options) => GetResponse.Configure(options);

    /// <summary>Points Mailgun options at the sandbox (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(MailgunOptions options) => Mailgun.Configure(options);

    /// <summary>Points Reports options at the sandbox (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(ReportsOptions options) => Reports.Configure(options);

    /// <inheritdoc />
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private void Add(SandboxProviderHost host)
    {
        _hosts.Add(host);
        foreach (var mapping in ReadFixtures(host))
        {
            _server.WithMapping(mapping);
        }

        _server
            .Given(Request.Create().WithPath(host.Serves))
            .AtPriority(GeneratedPriority)
            .RespondWith(Response.Create().WithCallback(request => RespondAsync(host, request)));
    }

    private async Task<IResponseMessage> RespondAsync(SandboxProviderHost host, IRequestMessage message)
    {
        if (Faults.TakeNext(host.Provider) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay).ConfigureAwait(false);
            }

            if (fault.Status is { } status)
            {
                var headers = new List<KeyValuePair<string, string>>();
                if (fault.RetryAfter is { } wait)
                {
                    headers.Add(new("Retry-After", fault.RetryAfterAsDate
                        ? DateTimeOffset.UtcNow.Add(wait).ToString("r", System.Globalization.CultureInfo.InvariantCulture)
                        : ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                return (int)status >= 500
                    ? SandboxResponse.Create(status, SandboxResponse.Text, $"{(int)status} sandbox fault")
                    : host.Error(status, "Too many requests: the sandbox was told to rate-limit this call", headers);
            }
        }

        try
        {
            return host.Handle(new SandboxRequest(message, host.Prefix));
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return host.Error(System.Net.HttpStatusCode.BadRequest, "The sandbox could not read the request: " + e.Message);
        }
    }

    /// <summary>The provider's recorded mappings, moved under its prefix.</summary>
    private static IEnumerable<string> ReadFixtures(SandboxProviderHost host)
    {
        var assembly = typeof(EmailStatsSandbox).Assembly;
        var folder = $"Fixtures/{host.FixtureFolder}/";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var root = JsonNode.Parse(stream)!;
            var mappings = root is JsonArray array ? array.OfType<JsonObject>() : [root.AsObject()];
            foreach (var mapping in mappings)
            {
                Prefix(mapping, host.Prefix);
                yield return mapping.ToJsonString();
            }
        }
    }

    private static void Prefix(JsonObject mapping, string prefix)
    {
        if (mapping["Request"] is not JsonObject request)
        {
            return;
        }

        if (request["Path"] is { } path)
        {
            if (path is JsonValue value && value.TryGetValue<string>(out var exact))
            {
                request["Path"] = PrefixPath(prefix, exact);
            }
            else
            {
                foreach (var matcher in Matchers(path))
                {
                    Rewrite(matcher, pattern => matcher["Name"]?.GetValue<string>() == "RegexMatcher" && pattern.StartsWith('^')
                        ? "^" + prefix + pattern[1..]
                        : PrefixPath(prefix, pattern));
                }
            }
        }

        // Fixtures that pin the whole URL (to reject unexpected query parameters) anchor it as ^https?://host/...:
        // the prefix goes right after the host.
        if (request["Url"] is { } url)
        {
            foreach (var matcher in Matchers(url))
            {
                Rewrite(matcher, pattern => HostPattern().Replace(pattern, "$0" + prefix, 1));
            }
        }
    }

    /// <summary>The root path "/" becomes the bare prefix: clients post to an endpoint without its trailing slash.</summary>
    private static string PrefixPath(string prefix, string path) => path == "/" ? prefix : prefix + path;

    /// <summary>The host part of a URL regex: <c>://[^/]+</c> or <c>://[^/?]+</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"://\[\^/\??\]\+")]
    private static partial System.Text.RegularExpressions.Regex HostPattern();

    private static IEnumerable<JsonObject> Matchers(JsonNode node) =>
        node["Matchers"]?.AsArray().OfType<JsonObject>() ?? (node["Matcher"] is JsonObject single ? [single] : []);

    private static void Rewrite(JsonObject matcher, Func<string, string> rewrite)
    {
        if (matcher["Pattern"] is JsonValue pattern && pattern.TryGetValue<string>(out var text))
        {
            matcher["Pattern"] = rewrite(text);
        }

        if (matcher["Patterns"] is JsonArray patterns)
        {
            for (var i = 0; i < patterns.Count; i++)
            {
                if (patterns[i] is JsonValue item && item.TryGetValue<string>(out var each))
                {
                    patterns[i] = rewrite(each);
                }
            }
        }
    }
}
