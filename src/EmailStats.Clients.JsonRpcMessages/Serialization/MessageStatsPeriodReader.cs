namespace EmailStats.Clients.JsonRpcMessages.Serialization;

/// <summary>
/// Reads one period's counters (<c>{"sent":..,"opened":..,...}</c>) in one <see cref="Utf8JsonReader"/> pass straight into
/// the immutable <see cref="MessageStatsPeriod"/>: names are case-sensitive, a repeated key's last value wins, a
/// counter is read leniently (a numeric string, an integral decimal; null or an empty string read as 0; a fraction or
/// text refused), and every other field (a <c>key</c> or <c>start</c> inside the period too) is kept.
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
            var index = Counters.SlotOf(ref reader);
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
            AdditionalData = extra ?? AdditionalData.Empty,
        };
    }

    private static readonly string[] Names =
    [
        "counter \'sent\'", "counter \'opened\'", "counter \'unique_opened\'", "counter \'clicked\'", "counter \'unique_clicked\'", "counter \'goals\'", "counter \'unique_goals\'", "counter \'forwarded\'", "counter \'unsubscribes\'",
        "counter \'bounces_user_unknown\'", "counter \'bounces_user_recycled\'", "counter \'bounces_mailbox_full\'", "counter \'bounces_block_content\'", "counter \'bounces_block_timeout\'",
        "counter \'bounces_block_other\'", "counter \'bounces_other_soft\'", "counter \'bounces_other_hard\'", "counter \'complaints_handled\'", "counter \'complaints_unhandled\'",
    ];

    /// <summary>The counters in the order GetResponse documents and sends them; the position is the counter's slot.</summary>
    private static readonly JsonPropertyNames Counters = new(
    [
        "sent", "opened", "unique_opened", "clicked", "unique_clicked", "goals", "unique_goals", "forwarded", "unsubscribes",
        "bounces_user_unknown", "bounces_user_recycled", "bounces_mailbox_full", "bounces_block_content", "bounces_block_timeout",
        "bounces_block_other", "bounces_other_soft", "bounces_other_hard", "complaints_handled", "complaints_unhandled",
    ]);
}
