using System.Text;
using System.Text.Json;
using EmailStats.Clients.Internal;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Core.Tests;

/// <summary>The hand-written readers' shared steps: optional counters read leniently, never guessed; names checked once.</summary>
public sealed class LenientJsonReaderTests
{
    [Theory]
    [InlineData("42", 42L)]
    [InlineData("\"42\"", 42L)]
    [InlineData("\" 7 \"", 7L)]
    [InlineData("\"-3\"", -3L)]
    [InlineData("3.0", 3L)]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    [InlineData("\"\\u0034\\u0032\"", 42L)]
    public void A_counter_is_read_or_not_sent(string json, long? expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        Assert.Equal(expected, LenientJsonReader.ReadOptionalInt64(ref reader, "counter"));
    }

    [Theory]
    [InlineData("1.5", "must be a whole number")]
    [InlineData("\"many\"", "sent as a string must hold a whole number")]
    [InlineData("true", "must be a number, not True")]
    [InlineData("99999999999999999999", "must be a whole number")]
    public void Anything_else_is_refused_naming_what(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            return LenientJsonReader.ReadOptionalInt64(ref reader, "metric");
        });

        Assert.Contains("metric " + message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_property_is_kept_as_sent_and_the_end_is_an_error()
    {
        var reader = new Utf8JsonReader("""{"new":{"a":[1,2]}}"""u8);
        reader.Read();
        reader.Read();
        AdditionalData? extra = null;

        LenientJsonReader.Keep(ref reader, ref extra);

        Assert.Equal("""{"a":[1,2]}""", extra!["new"].GetRawText());
        var e = Assert.Throws<JsonException>(() =>
        {
            var truncated = new Utf8JsonReader("[1,"u8, isFinalBlock: false, default);
            truncated.Read();
            truncated.Read();
            return LenientJsonReader.Next(ref truncated);
        });
        Assert.Equal("The JSON ends too early.", e.Message);
    }

    [Theory]
    [InlineData(new[] { "a", "a" }, "'a' is named twice")]
    [InlineData(new[] { "a,b" }, "nor hold ','")]
    [InlineData(new[] { " a" }, "must not be empty or start or end with white space")]
    [InlineData(new string[0], "Name 1 to 2 tag values")]
    [InlineData(new[] { "a", "b", "c" }, "3 were given")]
    public void Query_names_follow_one_rule(string[] names, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => QueryNames.Check(names, "tags", "tag", max: 2, separator: ','));

        Assert.Equal("tags", e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], QueryNames.Check(["a", "b"], "tags", "tag", max: 2, separator: ','));
    }

    [Fact]
    public void The_shared_empty_additional_data_refuses_to_be_filled_and_equals_any_empty_one()
    {
        IDictionary<string, JsonElement> shared = AdditionalData.Empty;

        Assert.True(shared.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => shared.Add("x", default));
        Assert.Throws<NotSupportedException>(() => shared["x"] = default);
        Assert.Empty(AdditionalData.Empty);
        Assert.Equal(new AdditionalData(), AdditionalData.Empty);
        Assert.False(((IDictionary<string, JsonElement>)new AdditionalData()).IsReadOnly);
    }
}
