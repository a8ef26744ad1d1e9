using static EmailStats.Clients.Sandbox.Providers.MailgunSandboxCounts;

namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>Mailgun's answers as JSON: the stats envelope and its items, in Mailgun's order and spelling.</summary>
internal sealed partial class MailgunSandboxHost
{
    // ---- writing --------------------------------------------------------------------------------------------------

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private static SandboxResponse Ok(string body) => SandboxResponse.Create(HttpStatusCode.OK, SandboxResponse.Json, body);

    private static string WriteResult(
        string description,
        DateTimeOffset start,
        DateTimeOffset end,
        MailgunResolution resolution,
        string? tag,
        List<Item> items,
        string[] events) => SandboxJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("description", description);
        writer.WriteString("start", Time(start));
        writer.WriteString("end", Time(end));
        writer.WriteString("resolution", Name(resolution));
        if (tag is not null)
        {
            writer.WriteString("tag", tag);
        }

        writer.WriteStartArray("stats");
        foreach (var item in items)
        {
            WriteItem(writer, item, events);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>One item: its time, its grouping key, and only the events asked for, in Mailgun's order.</summary>
    private static void WriteItem(Utf8JsonWriter writer, Item item, string[] events)
    {
        var c = item.Counts;
        writer.WriteStartObject();
        if (item.Time is { } time)
        {
            writer.WriteString("time", Time(time));
        }

        if (item.Group is { } group)
        {
            writer.WriteString(group.Key, group.Value);
        }

        foreach (var name in EventNames.Where(events.Contains))
        {
            writer.WriteStartObject(name);
            switch (name)
            {
                case "accepted":
                    Counters(writer, ("incoming", c[Incoming]), ("outgoing", c[Outgoing]));
                    break;
                case "delivered":
                    Counters(writer, ("smtp", c[Smtp]), ("http", c[Http]), ("optimized", c[Optimized]));
                    break;
                case "failed":
                    writer.WriteStartObject("temporary");
                    Counters(writer, ("espblock", c[EspBlock]));
                    writer.WriteEndObject();
                    writer.WriteStartObject("permanent");
                    Counters(
                        writer,
                        ("bounce", c[HardBounce] + c[SoftBounce]),
                        ("delayed-bounce", c[DelayedBounce]),
                        ("suppress-bounce", c[SuppressBounce]),
                        ("suppress-unsubscribe", c[SuppressUnsubscribe]),
                        ("suppress-complaint", c[SuppressComplaint]));
                    writer.WriteEndObject();
                    break;
                case "stored":
                    writer.WriteNumber("total", c[Stored]);
                    break;
                case "opened":
                    writer.WriteNumber("total", c[Opened]);
                    writer.WriteNumber("unique", c[UniqueOpened]);
                    break;
                case "clicked":
                    writer.WriteNumber("total", c[Clicked]);
                    writer.WriteNumber("unique", c[UniqueClicked]);
                    break;
                case "unsubscribed":
                    writer.WriteNumber("total", c[Unsubscribed]);
                    break;
                default:
                    writer.WriteNumber("total", c[Complained]);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The leaf counters, then their <c>total</c>.</summary>
    private static void Counters(Utf8JsonWriter writer, params (string Name, long Value)[] counters)
    {
        foreach (var (name, value) in counters)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteNumber("total", counters.Sum(c => c.Value));
    }
}
