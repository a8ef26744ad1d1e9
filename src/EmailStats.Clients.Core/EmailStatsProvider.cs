namespace EmailStats.Clients;

/// <summary>
/// The providers' APIs the packages read, one value per package. Its name is the <c>Provider</c> string of every
/// exception, source and row of that package (<c>nameof(EmailStatsProvider.Mailgun)</c> is <c>"Mailgun"</c>).
/// </summary>
public enum EmailStatsProvider
{
    /// <summary>SendGrid Web API v2 statistics (<c>EmailStats.Clients.SendGridV2</c>).</summary>
    SendGridV2,

    /// <summary>SendGrid v3 statistics (<c>EmailStats.Clients.SendGridV3</c>).</summary>
    SendGridV3,

    /// <summary>GetResponse API 1.5 <c>get_message_stats</c> over JSON-RPC (<c>EmailStats.Clients.JsonRpcMessages</c>).</summary>
    JsonRpcMessages,

    /// <summary>GetResponse API v3 statistics (<c>EmailStats.Clients.GetResponse</c>).</summary>
    GetResponse,

    /// <summary>Mailgun: the Metrics API and the v3 stats and aggregates (<c>EmailStats.Clients.Mailgun</c>).</summary>
    Mailgun,

    /// <summary>Benchmark Email API v1 reports (<c>EmailStats.Clients.Reports</c>).</summary>
    Reports,
}
