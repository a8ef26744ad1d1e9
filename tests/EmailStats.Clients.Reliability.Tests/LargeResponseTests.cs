using System.Diagnostics;
using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>
/// A 50 MiB answer is read in one pass, straight from the connection into one buffer rented from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/>, and parsed in place. The bound the suite holds each call to, as
/// bytes allocated process-wide during the call (nothing else runs meanwhile), is the worst case of an empty pool:
/// the buffer is the body rounded up to a power of two (64 MiB for 50 MiB: 1.3 x the body) when the Content-Length is
/// known, and doubles from 16 KiB while it is not (2.6 x, chunked); plus what the provider's parser allocates per body
/// byte (<see cref="ProviderDriver.ParserBytesPerBodyByte"/>: none of the four parsers builds anything that grows with
/// white space); plus 4 MiB.
/// With a warm pool a call allocates far less (the output shows the measure).
/// </summary>
[Collection(Collections.Memory)]
public sealed class LargeResponseTests(ITestOutputHelper output)
{
    private const int Padding = 50 * 1024 * 1024;

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task A_50_MiB_answer_with_a_content_length_is_read_within_its_memory_bound(string provider) =>
        await ReadLarge(provider, chunked: false, bufferFactor: 1.3, Scenarios.Large50MB);

    [Theory]
    [MemberData(nameof(Drivers.Drivers.SharedPipeline), MemberType = typeof(Drivers.Drivers))]
    public async Task A_50_MiB_chunked_answer_is_read_within_its_memory_bound(string provider) =>
        await ReadLarge(provider, chunked: true, bufferFactor: 2.6, Scenarios.Large50MBChunked);

    private async Task ReadLarge(string provider, bool chunked, double bufferFactor, string scenario)
    {
        var factor = bufferFactor + Drivers.Drivers.Get(provider).ParserBytesPerBodyByte;
        var bound = (long)(factor * Padding) + (4L << 20);
        await using var server = new HostileServer(Drivers.Drivers.Get(provider), attempt => attempt == 0 ? HostileMode.Answer : chunked ? HostileMode.AnswerPaddedChunked : HostileMode.AnswerPadded)
        {
            PaddingBytes = Padding,
        };
        await using var h = new Harness(provider, o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15), baseAddress: server.BaseAddress);
        Assert.Equal(110, await h.CallAsync(110)); // a small answer first: the code paths are warm, the measure is the large body's

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var value = await h.CallAsync(111);
        var elapsed = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{provider} chunked={chunked}: {allocated / 1048576.0:0.0} MiB allocated for a {Padding / 1048576} MiB body in {elapsed.TotalMilliseconds:0} ms (bound {bound / 1048576.0:0.0} MiB)");
        Assert.Equal(111, value);
        Assert.Equal(2, server.Requests);
        Assert.True(allocated <= bound, $"{allocated / 1048576.0:0.0} MiB allocated, over the bound of {factor} x the body + 4 MiB");
        h.Done(scenario, $"read correctly; allocations within {factor:0.0} x the body + 4 MiB");
    }
}
