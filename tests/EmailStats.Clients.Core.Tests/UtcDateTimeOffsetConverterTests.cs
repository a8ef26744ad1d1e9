using System.Text;
using System.Text.Json;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Core.Tests;

/// <summary>Timestamps without an offset are UTC on every machine, whatever its local zone.</summary>
[Collection(LocalZoneCollection.Name)]
public sealed class UtcDateTimeOffsetConverterTests
{
    [Theory]
    [InlineData("\"2024-09-23T17:00:00\"", "2024-09-23T17:00:00+00:00")]
    [InlineData("\"2024-09-23T17:00:00.000\"", "2024-09-23T17:00:00+00:00")]
    [InlineData("\"2024-09-23T17:00:00.000Z\"", "2024-09-23T17:00:00+00:00")]
    [InlineData("\"2024-09-23T17:00:00+07:00\"", "2024-09-23T17:00:00+07:00")]
    [InlineData("\"2024-09-23T17:00:00-0330\"", "2024-09-23T17:00:00-03:30")]
    public void A_timestamp_is_read_with_its_offset_or_as_utc(string json, string expected)
    {
        using var zone = LocalZone.Set("Asia/Tokyo");

        var value = Read(json);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("12")]
    [InlineData("\"\"")]
    public void Anything_else_is_a_json_exception(string json)
    {
        Assert.Throws<JsonException>(() => Read(json));
    }

    private static DateTimeOffset Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new UtcDateTimeOffsetConverter().Read(ref reader, typeof(DateTimeOffset), JsonSerializerOptions.Default);
    }
}

/// <summary>Tests that change the process's local time zone run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalZoneCollection
{
    public const string Name = "local time zone";
}

/// <summary>Sets the process's local zone (through <c>TZ</c>) until disposed.</summary>
internal sealed class LocalZone : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("TZ");

    private LocalZone(string zone)
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
    }

    public static LocalZone Set(string zone)
    {
        var set = new LocalZone(zone);
        Assert.Equal(zone, TimeZoneInfo.Local.Id);
        return set;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }
}
