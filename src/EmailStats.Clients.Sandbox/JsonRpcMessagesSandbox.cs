using EmailStats.Clients.JsonRpcMessages;
using EmailStats.Clients.Sandbox.Providers;

namespace EmailStats.Clients.Sandbox;

/// <summary>
/// The sandbox's GetResponse JSON-RPC account: where it is served, the key it accepts and the messages it knows.
/// Each message was sent once, on a day inside the sandbox's history, and its opens, clicks, bounces and complaints
/// keep arriving for weeks after, fewer every day; <c>get_message_stats</c> answers them per hour, day, month or year.
/// </summary>
public sealed class JsonRpcMessagesSandbox
{
    private IReadOnlyList<JsonRpcMessagesSandboxMessage> _messages = [];

    internal JsonRpcMessagesSandbox(Uri baseAddress)
    {
        BaseAddress = baseAddress;
    }

    /// <summary>The address to give <see cref="JsonRpcMessagesOptions.Endpoint"/>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API key the sandbox accepts (a placeholder, not a secret).</summary>
    public string ApiKey => "fixture-key-not-a-secret";

    /// <summary>The ids of the messages with statistics (for <see cref="MessageStatsQuery.ForMessage"/>), oldest first.</summary>
    public IReadOnlyList<string> MessageIds => [.. _messages.Select(m => m.Id)];

    /// <summary>Each message's subject, by message id.</summary>
    public IReadOnlyDictionary<string, string> Subjects => _messages.ToDictionary(m => m.Id, m => m.Subject, StringComparer.Ordinal);

    /// <summary>
    /// When each message's sending started, by message id: a whole hour of a day within the sandbox's history, on the
    /// API's clock (<see cref="DateTimeKind.Unspecified"/>, like <see cref="MessageStatsPeriod.Start"/>). Its first period
    /// with activity starts then; sending takes one to four hours.
    /// </summary>
    public IReadOnlyDictionary<string, DateTime> SentAt => _messages.ToDictionary(m => m.Id, m => m.SentAt, StringComparer.Ordinal);

    /// <summary>Points <paramref name="options"/> at the sandbox: address and key.</summary>
    /// <param name="options">The options to fill.</param>
    public void Configure(JsonRpcMessagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Endpoint = BaseAddress;
        options.ApiKey = ApiKey;
    }

    /// <summary>Called once by the host, which owns the data set, when the sandbox starts.</summary>
    internal void Attach(IReadOnlyList<JsonRpcMessagesSandboxMessage> messages) => _messages = messages;
}
