using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// Writes the reports as JSON or CSV (snake_case names in both): one row per provider and day; a metric a provider does
/// not report is empty; a provider that failed is there with its error (in CSV, one row with empty day cells).
/// </summary>
internal static class DashboardExport
{
    private static readonly string[] Columns =
        ["provider", "source", "time_zone", "date", "sent", "delivered", "opens", "unique_opens", "clicks", "unique_clicks", "bounces", "complaints", "unsubscribes", "note", "error"];

    public static void WriteJson(Stream stream, DateOnly from, DateOnly to, IReadOnlyList<ProviderReport> reports)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("providers");
        foreach (var report in reports)
        {
            json.WriteStartObject();
            json.WriteString("provider", Providers.Display(report.Provider));
            json.WriteString("source", report.Source);
            json.WriteString("time_zone", report.TimeZone);
            json.WriteBoolean("sandbox", report.UsesSandbox);
            if (report.Error is { } error)
            {
                json.WriteString("error", error);
            }
            else
            {
                json.WriteNull("error");
            }

            json.WriteStartArray("days");
            foreach (var day in report.Days)
            {
                json.WriteStartObject();
                json.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var (name, value) in Metrics(day))
                {
                    if (value is { } number)
                    {
                        json.WriteNumber(name, number);
                    }
                    else
                    {
                        json.WriteNull(name);
                    }
                }

                if (day.Note is { } note)
                {
                    json.WriteString("note", note);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteCsv(TextWriter writer, IReadOnlyList<ProviderReport> reports)
    {
        writer.WriteLine(string.Join(',', Columns));
        foreach (var report in reports)
        {
            var provider = Quote(Providers.Display(report.Provider));
            if (report.Error is { } error)
            {
                writer.WriteLine(string.Join(',', [provider, Quote(report.Source), Quote(report.TimeZone), .. Enumerable.Repeat("", Columns.Length - 4), Quote(error)]));
                continue;
            }

            foreach (var day in report.Days)
            {
                var cells = new List<string>
                {
                    provider, Quote(report.Source), Quote(report.TimeZone), day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
                cells.AddRange(Metrics(day).Select(m => m.Value?.ToString(CultureInfo.InvariantCulture) ?? ""));
                cells.Add(Quote(day.Note ?? ""));
                cells.Add("");
                writer.WriteLine(string.Join(',', cells));
            }
        }
    }

    internal static IEnumerable<(string Name, long? Value)> Metrics(DailyEmailMetrics day) =>
    [
        ("sent", day.Sent), ("delivered", day.Delivered), ("opens", day.Opens), ("unique_opens", day.UniqueOpens),
        ("clicks", day.Clicks), ("unique_clicks", day.UniqueClicks), ("bounces", day.Bounces), ("complaints", day.Complaints),
        ("unsubscribes", day.Unsubscribes),
    ];

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
