using Refit;

namespace EmailStats.Clients.SendGridV2;

/// <summary>
/// The SendGrid v2 statistics wire: two endpoints, each in <c>json</c> or <c>xml</c>, with the credentials and
/// parameters in a form-urlencoded body. The client builds the form; the shared call path reads the answer.
/// </summary>
internal interface ISendGridV2Api
{
    /// <summary><c>POST apiv2/reseller.manage.{format}</c> (reseller customer statistics, <c>method=stats</c> in the form).</summary>
    [Post("/apiv2/reseller.manage.{format}")]
    Task<HttpResponseMessage> ResellerStatsAsync(string format, [Body] HttpContent form, CancellationToken cancellationToken);

    /// <summary><c>POST apiv2/customer.stats.{format}</c> (subuser statistics).</summary>
    [Post("/apiv2/customer.stats.{format}")]
    Task<HttpResponseMessage> SubuserStatsAsync(string format, [Body] HttpContent form, CancellationToken cancellationToken);
}
