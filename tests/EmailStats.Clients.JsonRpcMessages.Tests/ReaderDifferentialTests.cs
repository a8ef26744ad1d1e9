using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients.Testing;
using EmailStats.Clients.JsonRpcMessages.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.Tests;

/// <summary>
/// The period reader against an independent oracle (System.Text.Json into <see cref="OraclePeriod"/>): the same generated periods (every counter or some, as numbers, strings, padded strings,
/// integral decimals, null and empty; keys shuffled, repeated and escaped; unknown counters and fields of every kind)
/// give equal models, and a period one refuses the other refuses too.
/// </summary>
public sealed class ReaderDifferentialTests
{
    private static readonly string[] Counters =
    [
        "sent", "opened", "unique_opened", "clicked", "unique_clicked", "goals", "unique_goals", "forwarded", "unsubscribes",
        "bounces_user_unknown", "bounces_user_recycled", "bounces_mailbox_full", "bounces_block_content", "bounces_block_timeout",
        "bounces_block_other", "bounces_other_soft", "bounces_other_hard", "complaints_handled", "complaints_unhandled",
    ];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Generated_periods_give_the_same_models(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 25; i++)
        {
            AssertSame(Period(random));
        }
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"sent":1,"sent":"2"}""")]
    [InlineData("""{"Sent":7,"opened":" 3 "}""")]
    [InlineData("""{"s\u0065nt":7,"unique_op\u0065ned":"4.0"}""")]
    [InlineData("""{"sent":1.5}""")]
    [InlineData("""{"sent":"x"}""")]
    [InlineData("""{"sent":"1e3"}""")]
    [InlineData("""{"sent":true}""")]
    [InlineData("""{"sent":[1]}""")]
    [InlineData("""{"sent":{"a":1}}""")]
    [InlineData("""{"sent":99999999999999999999}""")]
    [InlineData("""{"sent":-3,"opened":null,"clicked":""}""")]
    [InlineData("""{"spam":4,"meta":{"x":[1,2.5,null,"s"]},"flag":false}""")]
    public void Edge_periods_give_the_same_models_or_the_same_refusal(string period) => AssertSame(period);

    [Theory]
    [InlineData("""{"key":"2010-01-01","sent":1}""", "key")]
    [InlineData("""{"start":"not a date","sent":1}""", "start")]
    public void A_key_or_start_inside_a_period_is_kept_as_sent(string period, string name)
    {
        var read = Read(period, static (ref Utf8JsonReader r) => MessageStatsPeriodReader.Read(ref r));

        Assert.Equal(1, read.Sent);
        Assert.True(read.AdditionalData.ContainsKey(name));
    }

    [Fact]
    public void A_period_without_unknown_fields_shares_the_empty_instance_and_equals_a_built_one()
    {
        var read = Read("""{"sent":4,"opened":2}""", static (ref Utf8JsonReader r) => MessageStatsPeriodReader.Read(ref r));

        Assert.Empty(read.AdditionalData);
        Assert.Equal(new MessageStatsPeriod { Key = "2024-01-01", Start = new DateTime(2024, 1, 1), Sent = 4, Opened = 2 }, read);
        Assert.Equal(new MessageStatsPeriod { Key = "2024-01-01", Start = new DateTime(2024, 1, 1), Sent = 4, Opened = 2, AdditionalData = new AdditionalData() }, read);
    }

    private delegate MessageStatsPeriod? ReadPeriod(ref Utf8JsonReader reader);

    private static void AssertSame(string period) => Differential.AssertSame(
        () => Oracle.Read<OraclePeriod>(Encoding.UTF8.GetBytes(period)),
        () => Read(period, static (ref Utf8JsonReader r) => MessageStatsPeriodReader.Read(ref r)));

    /// <summary>Reads the period as the result reader does: from its StartObject, then checks the reader ended on its EndObject.</summary>
    private static MessageStatsPeriod Read(string period, ReadPeriod read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(period));
        reader.Read();
        // As the result reader does: the period's own key and start replace whatever the contract left there.
        var result = read(ref reader)!.SetPeriod("2024-01-01", new DateTime(2024, 1, 1));
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
        return result;
    }

    private static string Period(Random random)
    {
        var fields = Counters.Where(_ => random.Next(5) != 0).Select(name => $"\"{GeneratedJson.Escape(random, name)}\":{GeneratedJson.Counter(random)}").ToList();
        if (random.Next(4) == 0)
        {
            fields.Add(random.Next(4) switch
            {
                0 => "\"unknown\":{\"nested\":[1,\"two\",null,{\"x\":3.5}]}",
                1 => $"\"spam_reports\":{random.Next(100)}",
                2 => "\"flag\":false",
                _ => "\"rate\":12.5",
            });
        }

        if (random.Next(6) == 0)
        {
            fields.Add($"\"sent\":{random.Next(1000)}");
        }

        return "{" + string.Join(",", fields.OrderBy(_ => random.Next())) + "}";
    }

}
