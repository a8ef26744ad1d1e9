using System.Net;
using System.Net.Http.Headers;
using EmailStats.Clients.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Reliability.Tests.Drivers;

/// <summary>A request as a fake server saw it: enough for a driver to find the tag it carries and to answer it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path and query, as sent.</param>
/// <param name="Headers">The request headers (names compared without case).</param>
/// <param name="Body">The body as UTF-8 text (empty for GET).</param>
public sealed record WireRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>One body for a parser: what a fuzzed or hostile answer looks like on the wire.</summary>
public sealed record WireBody(byte[] Body, string? ContentType, HttpStatusCode Status = HttpStatusCode.OK);

/// <summary>One parser of a provider (one operation, one format), called directly through the shared call path.</summary>
/// <param name="Name">The operation (and format) it reads.</param>
/// <param name="Seeds">Well-formed bodies of the operation, success and error envelopes, that the fuzz mutates.</param>
/// <param name="ParseAsync">Reads a body as the operation's answer: the provider's own reader behind <c>ProviderCallPath</c>, logging to the logger given.</param>
public sealed record ParserTarget(string Name, IReadOnlyList<string> Seeds, Func<WireBody, ILogger, Task<object?>> ParseAsync);

/// <summary>
/// What a reliability scenario needs of one provider, so that each scenario is written once and run for all four:
/// register the DI client against a base address, make the provider's main call with a request-specific tag, answer
/// that call in the provider's wire shape (the tag comes back as a counter, so every answer can be matched to its
/// request), list the secrets that must never leak, and reach the internal parsers for the fuzz.
/// </summary>
public abstract class ProviderDriver
{
    /// <summary>The provider name the client reports (exceptions, logs, traces), and the column of RELIABILITY.md.</summary>
    public abstract string Name { get; }

    /// <summary>The provider name its exceptions carry (<see cref="Name"/> unless one provider has several drivers).</summary>
    public virtual string ProviderName => Name;

    /// <summary>The main operation the scenarios call, for the report.</summary>
    public abstract string MainCall { get; }

    /// <summary>Every form in which this provider's credentials travel or could be echoed: none may appear anywhere.</summary>
    public abstract IReadOnlyList<string> Secrets { get; }

    /// <summary>Registers the provider's typed client (its own <c>AddXxxClient</c>) against <paramref name="baseAddress"/>.</summary>
    public abstract IHttpClientBuilder Register(IServiceCollection services, Uri baseAddress);

    /// <summary>Makes the main call for <paramref name="tag"/> and returns the counter the answer carried (the tag, when matched).</summary>
    public abstract Task<long> CallAsync(IServiceProvider services, int tag, CancellationToken cancellationToken);

    /// <summary>The tag a request carries, or null when the request is not the main call or lacks the credentials.</summary>
    public abstract int? TagOf(WireRequest request);

    /// <summary>A success answer to <paramref name="request"/> in the provider's wire shape, carrying its tag as a counter.</summary>
    public abstract string SuccessBody(WireRequest request);

    /// <summary>A well-formed success body of the main call with <paramref name="padding"/> white space inside it.</summary>
    public abstract string PaddedSuccessBody(WireRequest request, string padding);

    /// <summary>The media type of <see cref="SuccessBody"/>.</summary>
    public virtual string SuccessContentType => "application/json";

    /// <summary>A success answer in XML, for the provider that speaks it; otherwise a generic XML document it must refuse.</summary>
    public virtual string XmlBody(WireRequest request) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><stats><delivered>1</delivered><requests>2</requests></stats>";

    /// <summary>
    /// What the parser of the main call may allocate per byte of body, beyond the body's buffer, in the worst case
    /// (an empty array pool): 0 for parsers that read the buffer in place.
    /// </summary>
    public virtual double ParserBytesPerBodyByte => 0;

    /// <summary>The provider's error envelope holding <paramref name="message"/>.</summary>
    public abstract string ErrorBody(string message);

    /// <summary>Every parser of the provider, for the fuzz.</summary>
    public abstract IReadOnlyList<ParserTarget> Parsers { get; }

    public override string ToString() => Name;

    /// <summary>
    /// Runs <paramref name="parse"/> on <paramref name="input"/> through the shared call path (<c>ProviderCallPath</c>),
    /// exactly as a client does after the answer arrived: status check, error envelope, parser, exception mapping.
    /// </summary>
    internal static async Task<object?> ParseDirect<T>(
        string provider,
        Secrets secrets,
        Func<ProviderResponse, ProviderError?> readError,
        Func<ProviderResponse, T> parse,
        WireBody input,
        ILogger logger)
    {
        var context = new ProviderCallPath(provider, secrets, readError, logger);
        return await context.SendAsync(
            "Fuzz",
            input,
            static (body, _) =>
            {
                var content = new ByteArrayContent(body.Body);
                if (body.ContentType is not null)
                {
                    content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
                }

                return Task.FromResult(new HttpResponseMessage(body.Status) { Content = content });
            },
            parse,
            CancellationToken.None).ConfigureAwait(false);
    }
}

/// <summary>The drivers (one per provider call path), by name, for xunit theories.</summary>
public static class Drivers
{
    public static readonly IReadOnlyList<ProviderDriver> All =
        [new SendGridV2Driver(), new SendGridV3Driver(), new JsonRpcMessagesDriver(), new GetResponseDriver(), new MailgunDriver(), new MailgunMetricsDriver(), new ReportsDriver()];

    public static TheoryData<string> Names => new(All.Select(d => d.Name));

    /// <summary>
    /// The driver of the scenarios that exercise only the pipeline every client shares (timeouts, Retry-After waits,
    /// circuit, concurrency, handler lifetime, cancellation, large bodies): Core builds one pipeline for all seven, so
    /// these run once, on this driver, and the others' cells say so.
    /// </summary>
    public const string Shared = "SendGridV3";

    /// <summary><see cref="Shared"/>, for the theories of the shared-pipeline scenarios.</summary>
    public static TheoryData<string> SharedPipeline => new([Shared]);

    public static ProviderDriver Get(string name) => All.Single(d => d.Name == name);
}
