using System.Text.Json;
using EmailStats.Clients.Serialization;

namespace EmailStats.Clients.JsonRpcMessages.Serialization;

/// <summary>
/// Reads one period's counters (<c>{"sent":..,"opened":..,...}</c>) in one <see cref="Utf8JsonReader"/> pass straight into
/// the immutable <see cref="MessageStatsPeriod"/>, with the rules of the source-generated contract it replaces on this
/// path (a differential test holds the two equal): names are case-sensitive, a repeated key's last value wins, a
/// counter is read leniently (a numeric string, an integral decimal; null or an empty string read as 0; a fraction or
/// text refused), and every other field is kept. Unlike the contract, a <c>key</c> or <c>start</c> field inside the
/// period is kept as an unknown field (the contract read them into properties the period's own key then replaced).
/// </summary>
internal static class MessageStatsPeriodReader
{
    private const int CounterCount = 19;

    /// <summary>Reads the period object the reader stands on (its <c>StartObject</c>) up to its end.</summary>
    public static MessageStatsPeriod Read(ref Utf8JsonReader reader)
    {
        Span<long> c = stackalloc long[CounterCount];
        AdditionalData? extra = null;
        while (LenientJsonReader.Next(ref reader) == JsonTokenType.PropertyName)
        {
            var index = CounterIndex(ref reader);
            if (index < 0)
            {
                LenientJsonReader.Keep(ref reader, ref extra);
                continue;
            }

            LenientJsonReader.Next(ref reader);
            c[index] = LenientJsonReader.ReadOptionalInt64(ref reader, Names[index]) ?? 0;
        }

        return new MessageStatsPeriod
        {
            Sent = c[0],
            Opened = c[1],
            UniqueOpened = c[2],
            Clicked = c[3],
            UniqueClicked = c[4],
            Goals = c[5],
            UniqueGoals = c[6],
            Forwarded = c[7],
            Unsubscribes = c[8],
            BouncesUserUnknown = c[9],
            BouncesUserRecycled = c[10],
            BouncesMailboxFull = c[11],
            BouncesBlockContent = c[12],
            BouncesBlockTimeout = c[13],
            BouncesBlockOther = c[14],
            BouncesOtherSoft = c[15],
            BouncesOtherHard = c[16],
            ComplaintsHandled = c[17],
            ComplaintsUnhandled = c[18],
            AdditionalData = extra!,
        };
    }

    private static readonly string[] Names =
    [
        "counter \'sent\'", "counter \'opened\'", "counter \'unique_opened\'", "counter \'clicked\'", "counter \'unique_clicked\'", "counter \'goals\'", "counter \'unique_goals\'", "counter \'forwarded\'", "counter \'unsubscribes\'",
        "counter \'bounces_user_unknown\'", "counter \'bounces_user_recycled\'", "counter \'bounces_mailbox_full\'", "counter \'bounces_block_content\'", "counter \'bounces_block_timeout\'",
        "counter \'bounces_block_other\'", "counter \'bounces_other_soft\'", "counter \'bounces_other_hard\'", "counter \'complaints_handled\'", "counter \'complaints_unhandled\'",
    ];

    /// <summary>The position of a counter in the period, or -1 (in the order GetResponse documents and sends them).</summary>
    private static int CounterIndex(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("sent"u8)) return 0;
        if (reader.ValueTextEquals("opened"u8)) return 1;
        if (reader.ValueTextEquals("unique_opened"u8)) return 2;
        if (reader.ValueTextEquals("clicked"u8)) return 3;
        if (reader.ValueTextEquals("unique_clicked"u8)) return 4;
        if (reader.ValueTextEquals("goals"u8)) return 5;
        if (reader.ValueTextEquals("unique_goals"u8)) return 6;
        if (reader.ValueTextEquals("forwarded"u8)) return 7;
        if (reader.ValueTextEquals("unsubscribes"u8)) return 8;
        if (reader.ValueTextEquals("bounces_user_unknown"u8)) return 9;
        if (reader.ValueTextEquals("bounces_user_recycled"u8)) return 10;
        if (reader.ValueTextEquals("bounces_mailbox_full"u8)) return 11;
        if (reader.ValueTextEquals("bounces_block_content"u8)) return 12;
        if (reader.ValueTextEquals("bounces_block_timeout"u8)) return 13;
        if (reader.ValueTextEquals("bounces_block_other"u8)) return 14;
        if (reader.ValueTextEquals("bounces_other_soft"u8)) return 15;
        if (reader.ValueTextEquals("bounces_other_hard"u8)) return 16;
        if (reader.ValueTextEquals("complaints_handled"u8)) return 17;
        if (reader.ValueTextEquals("complaints_unhandled"u8)) return 18;
        return -1;
    }
}
