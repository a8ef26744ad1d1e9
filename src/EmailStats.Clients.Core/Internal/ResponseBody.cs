using System.Buffers;
using System.Net.Http.Headers;

namespace EmailStats.Clients.Internal;

/// <summary>
/// A response body read once into a pooled buffer. Parsers read the bytes straight from it (no string copy),
/// and the buffer goes back to the pool when the call is done.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>The largest body a client accepts (256 MiB); larger ones are refused, not buffered.</summary>
    public const int DefaultMaxBytes = 256 * 1024 * 1024;

    private byte[] _buffer;
    private int _length;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    public int Length => _length;

    /// <summary>Wraps the body as a read-only stream (for XmlReader), without copying.</summary>
    public Stream AsStream() => new MemoryStream(_buffer, 0, _length, writable: false);

    /// <summary>
    /// Reads <paramref name="content"/> to its end, or takes over the buffer of a body that
    /// <see cref="ResponseBufferingHandler"/> already read inside the resilience pipeline (no copy).
    /// </summary>
    public static async Task<ResponseBody> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new ResponseBody([], 0);
        }

        if (content is BufferedResponseContent buffered && buffered.Detach() is { } taken)
        {
            if (taken.Length > maxBytes)
            {
                taken.Dispose();
                throw new ResponseTooLargeException(maxBytes);
            }

            return taken;
        }

        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)declared.Value + 1 : 16 * 1024);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= maxBytes)
                    {
                        throw new ResponseTooLargeException(maxBytes);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    throw new ResponseTooLargeException(maxBytes);
                }
            }

            return new ResponseBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>Raised inside the call path when a body exceeds the limit; surfaces as <see cref="EmailStatsTransportException"/>.</summary>
internal sealed class ResponseTooLargeException(int maxBytes) : Exception($"The response body is larger than {maxBytes} bytes.")
{
    public int MaxBytes { get; } = maxBytes;
}

/// <summary>
/// A response body already read into a pooled <see cref="ResponseBody"/>, standing in for the connection's content
/// (same headers). The shared call path takes the buffer over with <see cref="Detach"/>; otherwise disposing the
/// content returns it to the pool.
/// </summary>
internal sealed class BufferedResponseContent : HttpContent
{
    private ResponseBody? _body;

    public BufferedResponseContent(ResponseBody body, HttpContentHeaders headers)
    {
        _body = body;
        foreach (var header in headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>Hands the buffer over to the caller, who then owns (and disposes) it; null once taken.</summary>
    public ResponseBody? Detach() => Interlocked.Exchange(ref _body, null);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Current.Memory, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(Current.AsStream());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => Current.AsStream();

    protected override bool TryComputeLength(out long length)
    {
        length = _body?.Length ?? 0;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Detach()?.Dispose();
        }

        base.Dispose(disposing);
    }

    private ResponseBody Current => _body ?? throw new ObjectDisposedException(nameof(BufferedResponseContent), "The body was handed over to the call path.");
}

/// <summary>The connection broke while a response body was read: a transient transport failure, retried like one.</summary>
internal sealed class ResponseBodyException(IOException inner)
    : HttpRequestException(HttpRequestError.ResponseEnded, "The connection broke while the response body was read: " + inner.Message, inner)
{
}
