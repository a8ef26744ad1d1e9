using Refit;

namespace EmailStats.Clients.JsonRpcMessages.JsonRpc;

/// <summary>
/// The JSON-RPC wire: every call is one POST of a request envelope to the endpoint itself (the HttpClient's
/// base address, used as given). The channel builds the envelope; the shared call path reads the answer.
/// </summary>
internal interface IJsonRpcApi
{
    /// <summary><c>POST {endpoint}</c> with a JSON-RPC 2.0 request object.</summary>
    [Post("")]
    [Headers("Accept: application/json")]
    Task<HttpResponseMessage> CallAsync([Body] HttpContent request, CancellationToken cancellationToken);
}
