using System.Globalization;
using System.Text;
using System.Text.Json;
using EmailStats.Clients;

namespace EmailStats.Samples.Dashboard;

/// <summary>
/// Writes the reports as JSON or CSV (snake_case names in both): one row per provider and day with its rates, and the
/// period's totals, rates and health verdict (in CSV, a row dated <c>period</c>); a metric a provider does not report is
/// empty; a provider that failed is there with its error (in CSV, one row with empty day cells).
/// </summary>
internal static class DashboardExport
{
    private static readonly string[] Columns =
        ["provider", "source", "time_zone", "date", "sent", "delivered", "opens", "unique_opens", "clicks", "unique_clicks", "bounces", "hard_bounces", "soft_bounces",
         "complaints", "unsubscribes", "complete", "delivery_rate", "bounce_rate", "hard_bounce_rate", "complaint_rate", "unsubscribe_rate", "health", "note", "error"];

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

            if (report.Health is { } verdict)
            {
                WriteHealth(json, verdict);
            }

            json.WriteStartArray("days");
            foreach (var day in report.Days)
            {
                json.WriteStartObject();
                json.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var (name, value) in Metrics(day))
                {
                    Number(json, name, value);
                }

                json.WriteBoolean("complete", day.IsComplete);
                WriteRates(json, EmailRates.Of(day));
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

    private static void WriteHealth(Utf8JsonWriter json, HealthVerdict verdict)
    {
        var totals = verdict.Totals;
        json.WriteStartObject("totals");
        json.WriteNumber("counted_days", totals.CountedDays);
        Number(json, "sent", totals.Sent);
        Number(json, "delivered", totals.Delivered);
        Number(json, "bounces", totals.Bounces);
        Number(json, "hard_bounces", totals.HardBounces);
        Number(json, "soft_bounces", totals.SoftBounces);
        Number(json, "complaints", totals.Complaints);
        Number(json, "unsubscribes", totals.Unsubscribes);
        WriteRates(json, totals.Rates);
        json.WriteEndObject();
        json.WriteStartObject("health");
        json.WriteString("status", verdict.Status.ToString());
        json.WriteStartArray("breaches");
        foreach (var breach in verdict.Breaches)
        {
            json.WriteStartObject();
            json.WriteString("rule", breach.Rule == HealthRule.BounceRate ? "bounce_rate" : "complaint_rate");
            json.WriteString("level", breach.Level.ToString());
            json.WriteNumber("rate", breach.Rate);
            json.WriteNumber("threshold", breach.Threshold);
            if (breach.Day is { } day)
            {
                json.WriteString("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("date");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in verdict.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRates(Utf8JsonWriter json, EmailRates rates)
    {
        foreach (var (name, value) in Rates(rates))
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
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
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

    internal static IEnumerable<(string Name, double? Value)> Rates(EmailRates rates) =>
    [
        ("delivery_rate", rates.Delivery), ("bounce_rate", rates.Bounce), ("hard_bounce_rate", rates.HardBounce),
        ("complaint_rate", rates.Complaint), ("unsubscribe_rate", rates.Unsubscribe),
    ];

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
                cells.Add(day.IsComplete ? "true" : "false");
                cells.AddRange(Rates(EmailRates.Of(day)).Select(r => r.Value?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
                cells.Add("");
                cells.Add(Quote(day.Note ?? ""));
                cells.Add("");
                writer.WriteLine(string.Join(',', cells));
            }

            if (report.Health is { } verdict)
            {
                var t = verdict.Totals;
                var cells = new List<string> { provider, Quote(report.Source), Quote(report.TimeZone), "period" };
                long?[] totals = [t.Sent, t.Delivered, t.Opens, t.UniqueOpens, t.Clicks, t.UniqueClicks, t.Bounces, t.HardBounces, t.SoftBounces, t.Complaints, t.Unsubscribes];
                cells.AddRange(totals.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? ""));
                cells.Add("");
                cells.AddRange(Rates(t.Rates).Select(r => r.Value?.ToString("R", CultureInfo.InvariantCulture) ?? ""));
                cells.Add(verdict.Status.ToString());
                cells.Add(Quote(string.Join(" ", verdict.Notes)));
                cells.Add("");
                writer.WriteLine(string.Join(',', cells));
            }
        }
    }

    internal static IEnumerable<(string Name, long? Value)> Metrics(DailyEmailMetrics day) =>
    [
        ("sent", day.Sent), ("delivered", day.Delivered), ("opens", day.Opens), ("unique_opens", day.UniqueOpens),
        ("clicks", day.Clicks), ("unique_clicks", day.UniqueClicks), ("bounces", day.Bounces), ("hard_bounces", day.HardBounces),
        ("soft_bounces", day.SoftBounces), ("complaints", day.Complaints), ("unsubscribes", day.Unsubscribes),
    ];

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
