namespace EmailStats.Clients.Testing;

/// <summary>
/// An HttpMessageHandler that records what would have been sent and answers 599. Use it to prove that a call
/// was refused before any request left the process (<see cref="Count"/> stays 0).
/// </summary>
public sealed class CountingHandler : HttpMessageHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public HttpClient CreateClient(string baseAddress = "http://127.0.0.1:9/") =>
        new(this, disposeHandler: false) { BaseAddress = new Uri(baseAddress) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)599));
    }
}
