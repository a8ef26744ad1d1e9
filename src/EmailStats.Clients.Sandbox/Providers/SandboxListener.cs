using System.Net.Sockets;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>
/// The sandbox on a loopback port, for programs that need a URL: the framework's own <see cref="HttpListener"/> hands
/// each request to the same handler the in-process clients use.
/// </summary>
internal sealed class SandboxListener : IDisposable
{
    private readonly HttpListener _listener;
    private readonly HttpMessageInvoker _invoker;
    private readonly CancellationTokenSource _stopping = new();

    private SandboxListener(HttpListener listener, Uri url, EmailStatsSandbox sandbox)
    {
        _listener = listener;
        Url = url;
        _invoker = new HttpMessageInvoker(sandbox.CreateHandler());
        _ = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>Listens on <c>127.0.0.1:<paramref name="port"/></c>; port 0 takes a free one.</summary>
    public static SandboxListener Start(EmailStatsSandbox sandbox, int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port != 0 ? port : FreePort();
            var url = new Uri($"http://127.0.0.1:{chosen}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.AbsoluteUri);
            try
            {
                listener.Start();
                return new SandboxListener(listener, url, sandbox);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                // Another process took the free port between the probe and the start: try another.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Close();
        _invoker.Dispose();
        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), context.Request.Url);
            if (context.Request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body, _stopping.Token).ConfigureAwait(false);
                request.Content = new ByteArrayContent(body.ToArray());
            }

            foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
            {
                var values = context.Request.Headers.GetValues(name) ?? [];
                if (!request.Headers.TryAddWithoutValidation(name, values))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, values);
                }
            }

            using var response = await _invoker.SendAsync(request, _stopping.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(_stopping.Token).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers)
            {
                foreach (var value in values)
                {
                    context.Response.AppendHeader(name, value);
                }
            }

            if (response.Content.Headers.ContentType is { } contentType)
            {
                context.Response.ContentType = contentType.ToString();
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away or the sandbox stopped: nothing to answer.
            context.Response.Abort();
        }
    }
}
