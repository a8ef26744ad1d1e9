namespace EmailStats.Clients;

/// <summary>Names under which the clients report traces and logs.</summary>
public static class EmailStatsTelemetry
{
    /// <summary>
    /// The <see cref="System.Diagnostics.ActivitySource"/> name of every client: one activity per operation,
    /// tagged with <c>emailstats.provider</c>, <c>emailstats.operation</c> and <c>http.response.status_code</c>.
    /// Tags never hold a secret.
    /// </summary>
    public const string ActivitySourceName = "EmailStats.Clients";
}
