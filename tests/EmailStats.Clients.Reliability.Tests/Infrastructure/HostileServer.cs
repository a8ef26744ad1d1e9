using System.Net;
using System.Net.Sockets;
using System.Text;
using EmailStats.Clients.Reliability.Tests.Drivers;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>What <see cref="HostileServer"/> does with one request.</summary>
public enum HostileMode
{
    /// <summary>Answers properly: the driver's success body, then closes.</summary>
    Answer,

    /// <summary>Reads the request and resets the connection (RST) without a byte of answer.</summary>
    ResetBeforeAnswer,

    /// <summary>Sends the headers (with the full Content-Length) and half the body, then resets the connection.</summary>
    ResetMidBody,

    /// <summary>Sends the headers and half the body, then sends nothing more and keeps the connection open.</summary>
    StallAfterHeaders,

    /// <summary>Answers properly with <see cref="HostileServer.PaddingBytes"/> of white space inside the JSON, with a Content-Length.</summary>
    AnswerPadded,

    /// <summary>The same padded answer, chunked (no Content-Length).</summary>
    AnswerPaddedChunked,

    /// <summary>Declares a 300 MB body (over the clients' 256 MiB limit), sends a few bytes, then stalls.</summary>
    DeclareHugeBody,
}

/// <summary>
/// A raw HTTP/1.1 server on a loopback port, for the transport faults WireMock cannot make: a connection reset
/// before or in the middle of an answer, a body that stops after the headers. Each request gets the mode the plan
/// gives its number (0 for the first); a proper answer comes from the driver, so the client can still succeed.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ProviderDriver _driver;
    private readonly Func<int, HostileMode> _plan;
    private readonly List<Socket> _held = [];
    private readonly Task _loop;
    private int _requests;

    public HostileServer(ProviderDriver driver, Func<int, HostileMode> plan)
    {
        _driver = driver;
        _plan = plan;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The white space <see cref="HostileMode.AnswerPadded"/> puts inside the body; streamed, never held whole.</summary>
    public int PaddingBytes { get; init; }

    /// <summary>The requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            while (await ReadRequestAsync(socket) is { } request)
            {
                var attempt = Interlocked.Increment(ref _requests) - 1;
                var body = Encoding.UTF8.GetBytes(_driver.SuccessBody(request));
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: {_driver.SuccessContentType}\r\nContent-Length: {body.Length}\r\n";
                switch (_plan(attempt))
                {
                    case HostileMode.Answer:
                        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "Connection: close\r\n\r\n").Concat(body).ToArray());
                        socket.Shutdown(SocketShutdown.Both);
                        socket.Close();
                        return;
                    case HostileMode.ResetBeforeAnswer:
                        Reset(socket);
                        return;
                    case HostileMode.ResetMidBody:
                        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\n").Concat(body.Take(body.Length / 2)).ToArray());
                        await Task.Delay(20);
                        Reset(socket);
                        return;
                    case HostileMode.StallAfterHeaders:
                        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\n").Concat(body.Take(body.Length / 2)).ToArray());
                        Hold(socket);
                        return;
                    case HostileMode.AnswerPadded or HostileMode.AnswerPaddedChunked:
                        await SendPaddedAsync(socket, request, chunked: _plan(attempt) == HostileMode.AnswerPaddedChunked);
                        socket.Shutdown(SocketShutdown.Both);
                        socket.Close();
                        return;
                    case HostileMode.DeclareHugeBody:
                        await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 300000000\r\n\r\n{\"a\":"));
                        Hold(socket);
                        return;
                }
            }

            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            socket.Dispose();
        }
    }

    private async Task SendPaddedAsync(Socket socket, WireRequest request, bool chunked)
    {
        var parts = _driver.PaddedSuccessBody(request, "\u0000").Split('\u0000');
        var prefix = Encoding.UTF8.GetBytes(parts[0]);
        var suffix = Encoding.UTF8.GetBytes(parts[1]);
        var length = (long)prefix.Length + PaddingBytes + suffix.Length;
        var head = $"HTTP/1.1 200 OK\r\nContent-Type: {_driver.SuccessContentType}\r\nConnection: close\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : $"Content-Length: {length}\r\n\r\n");
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        await SendAsync(prefix);
        var spaces = new byte[64 * 1024];
        spaces.AsSpan().Fill((byte)' ');
        for (var left = PaddingBytes; left > 0; left -= spaces.Length)
        {
            await SendAsync(spaces.AsMemory(0, Math.Min(left, spaces.Length)));
        }

        await SendAsync(suffix);
        if (chunked)
        {
            await socket.SendAsync("0\r\n\r\n"u8.ToArray());
        }

        async Task SendAsync(ReadOnlyMemory<byte> data)
        {
            if (chunked)
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
            }

            while (data.Length > 0)
            {
                var sent = await socket.SendAsync(data);
                data = data[sent..];
            }

            if (chunked)
            {
                await socket.SendAsync("\r\n"u8.ToArray());
            }
        }
    }

    private void Hold(Socket socket)
    {
        lock (_held)
        {
            _held.Add(socket);
        }
    }

    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>Reads one request (head and Content-Length body); null when the client closed the connection.</summary>
    private async Task<WireRequest?> ReadRequestAsync(Socket socket)
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await socket.ReceiveAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (buffer.Count < headEnd + 4 + length)
        {
            var read = await socket.ReceiveAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var body = Encoding.UTF8.GetString(buffer.GetRange(headEnd + 4, length).ToArray());
        return new WireRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 3; i < buffer.Count; i++)
        {
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        await _loop;
        _stop.Dispose();
    }
}
