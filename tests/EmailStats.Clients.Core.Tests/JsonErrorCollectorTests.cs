using System.Text.Json;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Core.Tests;

/// <summary>The one way every provider's reader gathers a JSON error envelope's code and messages.</summary>
public sealed class JsonErrorCollectorTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Entries_give_their_messages_in_order_and_the_first_code()
    {
        var collector = new JsonErrorCollector();

        collector.AddEntry(Json("""[{"errorType":"BadRequest","message":" first "},"second",{"errorType":"Other","message":["third","",null]}]"""), "errorType");

        var error = collector.ToError();
        Assert.Equal("BadRequest", error.Code);
        Assert.Equal(["first", "second", "third"], error.Messages);
    }

    [Fact]
    public void Codes_are_numbers_as_written_or_non_blank_strings_trimmed()
    {
        var number = new JsonErrorCollector();
        number.AddCode(Json("-32601"));
        number.AddCode(Json("\"later\""));
        Assert.Equal("-32601", number.Code);

        var text = new JsonErrorCollector();
        text.AddCode(Json("\"  \""));
        text.AddCode(Json("true"));
        Assert.Null(text.Code);
        Assert.False(text.Found);
        text.AddCode(Json("\" 42 \""));
        Assert.Equal("42", text.Code);
        Assert.True(text.Found);
        Assert.False(text.HasMessages);
    }

    [Fact]
    public void Repeated_and_blank_messages_are_skipped_and_non_text_messages_ignored()
    {
        var collector = new JsonErrorCollector();

        collector.AddMessage(Json("\"Invalid params\""));
        collector.AddMessage(Json("\" Invalid params \""));
        collector.AddMessage(Json("\"   \""));
        collector.AddMessage(Json("""{"nested":"not a message"}"""));
        collector.AddMessage(Json("12"));

        Assert.Equal(["Invalid params"], collector.ToError().Messages);
    }

    [Fact]
    public void Detail_keeps_non_text_values_as_their_json_cut_to_the_snippet_length()
    {
        var collector = new JsonErrorCollector();

        collector.AddDetail(Json("null"));
        collector.AddDetail(Json("""{"field":"id"}"""));
        collector.AddDetail(Json($"\"{new string('x', 10)}\""));
        collector.AddDetail(Json($"[\"{new string('y', 2 * EmailStatsResponseException.MaxBodySnippetLength)}\"]"));

        var messages = collector.ToError().Messages;
        Assert.Equal(3, messages.Count);
        Assert.Equal("""{"field":"id"}""", messages[0]);
        Assert.Equal(new string('x', 10), messages[1]);
        Assert.Equal(EmailStatsResponseException.MaxBodySnippetLength, messages[2].Length);
        Assert.StartsWith("[\"yyy", messages[2]);
    }
}
