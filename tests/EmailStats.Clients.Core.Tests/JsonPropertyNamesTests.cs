using System.Text;
using System.Text.Json;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.Core.Tests;

/// <summary>The table the hand-written readers find their counters' names in: every name, alias, escape and near miss.</summary>
public sealed class JsonPropertyNamesTests
{
    private static readonly string[] Names =
    [
        "sent", "opened", "unique_opened", "clicked", "unique_clicked", "goals", "unique_goals", "forwarded", "unsubscribes",
        "bounces_user_unknown", "bounces_user_recycled", "bounces_mailbox_full", "bounces_block_content", "bounces_block_timeout",
        "bounces_block_other", "bounces_other_soft", "bounces_other_hard", "complaints_handled", "complaints_unhandled",
        "requests", "delivered", "blocks", "spam_drop", "uniqueHumanOpened", "totalClicked", "unsubscribed",
    ];

    private static readonly JsonPropertyNames Table = new(Names, ("unsubsribed", 25));

    [Fact]
    public void Every_name_finds_its_own_slot_sent_plain_escaped_or_as_xml_text()
    {
        for (var slot = 0; slot < Names.Length; slot++)
        {
            var name = Names[slot];
            Assert.Equal(slot, SlotOf($"\"{name}\""));
            Assert.Equal(slot, SlotOf($"\"\\u{(int)name[0]:x4}{name[1..]}\""));
            Assert.Equal(slot, Table.SlotOf(name));
        }

        Assert.Equal(Names.Length, Table.Count);
    }

    [Fact]
    public void An_alias_finds_the_slot_it_stands_for()
    {
        Assert.Equal(25, SlotOf("\"unsubsribed\""));
        Assert.Equal(25, Table.SlotOf("unsubsribed"));
    }

    [Theory]
    [InlineData("Sent")]
    [InlineData("sent ")]
    [InlineData(" sent")]
    [InlineData("sen")]
    [InlineData("sentt")]
    [InlineData("unique_opene")]
    [InlineData("opened_unique")]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("bounces_block_othe")]
    [InlineData("délivered")]
    public void A_name_that_is_not_one_of_them_has_no_slot(string name)
    {
        Assert.Equal(-1, SlotOf(JsonSerializer.Serialize(name)));
        Assert.Equal(-1, Table.SlotOf(name));
    }

    [Fact]
    public void A_name_longer_than_any_buffer_has_no_slot() => Assert.Equal(-1, Table.SlotOf(new string('a', 1000)));

    [Fact]
    public void Empty_or_repeated_names_are_refused_when_the_table_is_made()
    {
        Assert.Throws<ArgumentException>(() => new JsonPropertyNames(["a", "a"]));
        Assert.Throws<ArgumentException>(() => new JsonPropertyNames(["a", ""]));
        Assert.Throws<ArgumentException>(() => new JsonPropertyNames(["a", "b"], ("a", 1)));
    }

    private static int SlotOf(string jsonName)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{" + jsonName + ":1}"));
        reader.Read();
        reader.Read();
        return Table.SlotOf(ref reader);
    }
}
