namespace EmailStats.Clients.Sandbox;

/// <summary>
/// An in-process fake of every provider: an <see cref="HttpMessageHandler"/> (no socket, no server) that answers every
/// provider API the packages call, for any number of accounts of each, from data generated per account and day:
/// deterministic, with totals that are the sums of their days, a history that stays put when the clock moves, and
/// late engagement that changes recent days as real providers do. Faults can be queued per provider or per account.
/// With <see cref="SandboxOptions.Listen"/> it also serves on a loopback port.
/// </summary>
/// <example>
/// <code>
/// using var sandbox = EmailStatsSandbox.Create();
/// services.AddMailgunStatsClient(o => sandbox.Configure(o)).UseSandbox(sandbox);
/// </code>
/// </example>
public sealed class EmailStatsSandbox : IDisposable
{
    /// <summary>The root of the in-process sandbox's addresses: a reserved name that no network resolves.</summary>
    public static readonly Uri InProcessUrl = new("http://sandbox.emailstats.invalid/");

    private readonly SandboxRegistry _accounts = new();
    private readonly SandboxProviderHost[] _hosts;
    private readonly SandboxListener? _listener;
    private readonly DateOnly _startDay;
    private long _requestCount;

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

        _startDay = options.Today ?? DateOnly.FromDateTime((options.TimeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        Clock = options.TimeProvider ?? new FixedClock(SandboxData.Midnight(_startDay.AddDays(1)).AddSeconds(-1));
        Data = new SandboxData(Clock, _startDay.AddDays(1 - options.HistoryDays));
        _hosts =
        [
            new SendGridV3SandboxHost(Data, _accounts),
            new SendGridV2SandboxHost(Data, _accounts),
            new GetResponseSandboxHost(Data, _accounts),
            new JsonRpcMessagesSandboxHost(_accounts),
            new MailgunSandboxHost(Data, _accounts),
            new ReportsSandboxHost(_accounts),
        ];

        if (options.Listen)
        {
            _listener = SandboxListener.Start(this, options.Port);
        }

        Url = _listener?.Url ?? InProcessUrl;
        SendGrid = AddSendGridAccount("acme", null);
        GetResponse = AddGetResponseAccount("acme", null);
        Mailgun = AddMailgunAccount("acme", null);
        Benchmark = AddBenchmarkAccount("acme");
    }

    /// <summary>
    /// The root every account's address starts with: <see cref="InProcessUrl"/>, or the loopback address when the
    /// sandbox listens (<see cref="SandboxOptions.Listen"/>). Each provider is served under its own path:
    /// <c>sendgrid/</c>, <c>getresponse/</c> (JSON-RPC) and <c>getresponse/v3/</c>, <c>mailgun/</c>, <c>benchmark/</c>.
    /// </summary>
    public Uri Url { get; }

    /// <summary>Today (UTC) by the sandbox's clock.</summary>
    public DateOnly Today => Data.Today;

    /// <summary>
    /// The sandbox's clock (<see cref="SandboxOptions.TimeProvider"/>, or one standing at the last second of the day the
    /// sandbox started). Give it to the one-view sources built over the sandbox, so that their today is the sandbox's.
    /// </summary>
    public TimeProvider Clock { get; }

    /// <summary>The default SendGrid account, <c>acme</c>: subusers <c>acme-newsletters</c> and <c>acme-receipts</c>.</summary>
    public SendGridSandboxAccount SendGrid { get; }

    /// <summary>The default GetResponse account, <c>acme</c>: five newsletters and two autoresponders.</summary>
    public GetResponseSandboxAccount GetResponse { get; }

    /// <summary>The default Mailgun account, <c>acme</c>: domains <c>mg.acme.example</c>, <c>news.acme.example</c>, <c>eu.acme.example</c>.</summary>
    public MailgunSandboxAccount Mailgun { get; }

    /// <summary>The default Benchmark Email account, <c>acme</c>.</summary>
    public BenchmarkSandboxAccount Benchmark { get; }

    /// <summary>Every account the sandbox serves, the defaults included.</summary>
    public IEnumerable<SandboxAccount> Accounts => _accounts.All;

    /// <summary>Faults to serve before normal answers, per provider API or per account.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>How many requests the sandbox has received.</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    internal SandboxData Data { get; }

    /// <summary>Creates a sandbox.</summary>
    /// <param name="options">Today, history, clock and listening; defaults when null.</param>
    /// <returns>The sandbox.</returns>
    public static EmailStatsSandbox Create(SandboxOptions? options = null) => new(options ?? new SandboxOptions());

    /// <summary>A handler that answers as the sandbox: give it to an <see cref="HttpClient"/> (<c>UseSandbox</c> does it for a registration).</summary>
    /// <returns>A new handler over this sandbox (an <see cref="HttpClient"/> disposes its handler).</returns>
    public HttpMessageHandler CreateHandler() => new SandboxHandler(this);

    /// <summary>Adds a SendGrid account with <paramref name="subusers"/> subusers (<c>{name}-0001</c> and on), each sending in one to three categories.</summary>
    /// <param name="name">The account's name: 1 to 40 lower-case letters, digits and inner hyphens, unique among SendGrid accounts.</param>
    /// <param name="subusers">How many subusers (1 to 100,000).</param>
    /// <returns>The account, with its key.</returns>
    public SendGridSandboxAccount AddSendGridAccount(string name, int subusers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subusers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subusers, 100_000);
        return AddSendGridAccount(name, (int?)subusers);
    }

    /// <summary>Adds a Mailgun account with <paramref name="domains"/> sending domains (<c>d001.{name}.example</c> and on).</summary>
    /// <param name="name">The account's name: 1 to 40 lower-case letters, digits and inner hyphens, unique among Mailgun accounts.</param>
    /// <param name="domains">How many domains (1 to 10,000).</param>
    /// <returns>The account, with its key.</returns>
    public MailgunSandboxAccount AddMailgunAccount(string name, int domains)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(domains);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(domains, 10_000);
        return AddMailgunAccount(name, (int?)domains);
    }

    /// <summary>Adds a GetResponse account whose <paramref name="newsletters"/> newsletters (<c>{name}-nl-001</c> and on) went out evenly over the history.</summary>
    /// <param name="name">The account's name: 1 to 40 lower-case letters, digits and inner hyphens, unique among GetResponse accounts.</param>
    /// <param name="newsletters">How many newsletters (1 to 10,000).</param>
    /// <returns>The account, with its key.</returns>
    public GetResponseSandboxAccount AddGetResponseAccount(string name, int newsletters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newsletters);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newsletters, 10_000);
        return AddGetResponseAccount(name, (int?)newsletters);
    }

    /// <summary>Adds a Benchmark Email account with campaigns of its own.</summary>
    /// <param name="name">The account's name: 1 to 40 lower-case letters, digits and inner hyphens, unique among Benchmark Email accounts.</param>
    /// <returns>The account, with its key.</returns>
    public BenchmarkSandboxAccount AddBenchmarkAccount(string name) =>
        _accounts.Add(new BenchmarkSandboxAccount(SandboxAccount.CheckName(name, nameof(name)), Url, Data, _startDay));

    /// <summary>Points SendGrid v2 options at the default account (base address and credentials).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV2Options options) => SendGrid.Configure(options);

    /// <summary>Points SendGrid v3 options at the default account (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(SendGridV3Options options) => SendGrid.Configure(options);

    /// <summary>Points GetResponse API 1.5 options at the default account (endpoint and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(JsonRpcMessagesOptions options) => GetResponse.Configure(options);

    /// <summary>Points GetResponse API v3 options at the default account (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(GetResponseOptions options) => GetResponse.Configure(options);

    /// <summary>Points Mailgun options at the default account (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(MailgunOptions options) => Mailgun.Configure(options);

    /// <summary>Points Benchmark Email reports options at the default account (base address and key).</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(ReportsOptions options) => Benchmark.Configure(options);

    /// <summary>Stops listening, if the sandbox listens.</summary>
    public void Dispose() => _listener?.Dispose();

    /// <summary>Answers one request as the provider its path names would.</summary>
    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        var path = request.RequestUri?.AbsolutePath ?? "/";
        var host = Array.Find(_hosts, h => h.Serves(path));
        if (host is null)
        {
            return SandboxResponse.Create(HttpStatusCode.NotFound, SandboxResponse.Text, $"The sandbox serves no provider at {path}: use an account's base address.").ToHttp(request);
        }

        var call = await SandboxRequest.ReadAsync(request, host.Prefix, cancellationToken).ConfigureAwait(false);
        var account = host.Identify(call);
        using var metered = account?.Meter.Enter(request.Headers.UserAgent.ToString());
        IEnumerable<KeyValuePair<string, string>> limitHeaders = [];
        if (account?.RateLimit is { } limit && !limit.TryTake(out limitHeaders))
        {
            account.Meter.Provoked();
            return host.Error(HttpStatusCode.TooManyRequests, "Too many requests: the account's rate-limit window is spent", limitHeaders).ToHttp(request);
        }

        if (Faults.TakeNext(host.Provider, account) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
            }

            if (fault.Status is { } status)
            {
                return Fault(host, status, fault).ToHttp(request);
            }
        }

        using (Data.Freeze())
        {
            try
            {
                return host.Handle(call, account).WithHeaders(limitHeaders).ToHttp(request);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or OverflowException)
            {
                return host.Error(HttpStatusCode.BadRequest, "The sandbox could not read the request: " + e.Message).ToHttp(request);
            }
        }
    }

    private static SandboxResponse Fault(SandboxProviderHost host, HttpStatusCode status, SandboxFault fault)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (fault.RetryAfter is { } wait)
        {
            headers.Add(new("Retry-After", fault.RetryAfterAsDate
                ? DateTimeOffset.UtcNow.Add(wait).ToString("r", CultureInfo.InvariantCulture)
                : ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }

        return (int)status >= 500
            ? SandboxResponse.Create(status, SandboxResponse.Text, $"{(int)status} sandbox fault")
            : host.Error(status, "Too many requests: the sandbox was told to rate-limit this call", headers);
    }

    private SendGridSandboxAccount AddSendGridAccount(string name, int? subusers) =>
        _accounts.Add(new SendGridSandboxAccount(SandboxAccount.CheckName(name, nameof(name)), Url, subusers));

    private MailgunSandboxAccount AddMailgunAccount(string name, int? domains) =>
        _accounts.Add(new MailgunSandboxAccount(SandboxAccount.CheckName(name, nameof(name)), Url, domains));

    private GetResponseSandboxAccount AddGetResponseAccount(string name, int? newsletters) =>
        _accounts.Add(new GetResponseSandboxAccount(SandboxAccount.CheckName(name, nameof(name)), Url, newsletters, Data, _startDay));

    /// <summary>The handler <see cref="CreateHandler"/> gives: every request goes to the sandbox.</summary>
    private sealed class SandboxHandler(EmailStatsSandbox sandbox) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            sandbox.SendAsync(request, cancellationToken);
    }
}
