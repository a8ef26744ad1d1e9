using System.Collections.Concurrent;
using System.Diagnostics;

namespace EmailStats.Clients.Benchmarks.Sync;

/// <summary>Records every request a run sends to the sandbox, to replay them alone and measure the sandbox's own CPU time.</summary>
internal sealed class RecordingHandler
{
    private readonly ConcurrentQueue<(HttpMethod Method, Uri Uri, KeyValuePair<string, string[]>[] Headers, byte[]? Body, string? MediaType)> _requests = new();

    public int Count => _requests.Count;

    /// <summary>Sends the recorded requests one at a time into <paramref name="sandbox"/>; returns the CPU time it took.</summary>
    public async Task<TimeSpan> ReplayAsync(HttpMessageHandler sandbox)
    {
        using var invoker = new HttpMessageInvoker(sandbox);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var (method, uri, headers, body, mediaType) in _requests)
        {
            using var request = new HttpRequestMessage(method, uri);
            foreach (var (name, values) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, values);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                if (mediaType is not null)
                {
                    request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
                }
            }

            using var response = await invoker.SendAsync(request, CancellationToken.None);
            await response.Content.ReadAsByteArrayAsync();
        }

        return Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    /// <summary>The primary handler of every account's client: records the request and passes it to the sandbox.</summary>
    internal sealed class Tap(RecordingHandler recorder, HttpMessageHandler sandbox) : DelegatingHandler(sandbox)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            recorder._requests.Enqueue((request.Method, request.RequestUri!, [.. request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))], body, request.Content?.Headers.ContentType?.MediaType));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
