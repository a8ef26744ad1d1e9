namespace EmailStats.Clients.Sandbox.Providers;

/// <summary>One message of the sandbox's GetResponse account: sent once, at <paramref name="SentAt"/> (the API's clock).</summary>
internal sealed record JsonRpcMessagesSandboxMessage(string Id, string Subject, DateTime SentAt);

/// <summary>The activity of a message in one hour: the nineteen <c>get_message_stats</c> counters, in wire order.</summary>
internal readonly record struct JsonRpcMessagesSandboxHour(DateTime Hour, long[] Counters);

/// <summary>
/// A GetResponse account's messages and their hourly activity. Each message is sent once, on a day inside the history
/// the sandbox started with, to a list whose size and outcome come from <see cref="SandboxData.Final"/> (the send day's
/// figures); its opens, clicks, bounces and complaints are spread over the following four weeks on decaying,
/// day-and-night curves, in whole numbers that add up exactly to those totals. What has been reported at the sandbox's
/// now follows <see cref="SandboxTime"/>: hours after now have not happened, the last two days' engagement is still
/// arriving. Every period of every grouping is a sum of these hours, so hours add up to days, days to months, months
/// to years.
/// </summary>
internal sealed class JsonRpcMessagesSandboxData
{
    /// <summary>The counters of a period, in the order the API writes them.</summary>
    public static readonly string[] CounterNames =
    [
        "sent", "opened", "unique_opened", "clicked", "unique_clicked", "goals", "unique_goals", "forwarded", "unsubscribes",
        "bounces_user_unknown", "bounces_user_recycled", "bounces_mailbox_full", "bounces_block_content", "bounces_block_timeout",
        "bounces_block_other", "bounces_other_soft", "bounces_other_hard", "complaints_handled", "complaints_unhandled",
    ];

    private const int Sent = 0, Opened = 1, UniqueOpened = 2, Clicked = 3, UniqueClicked = 4, Goals = 5, UniqueGoals = 6,
        Forwarded = 7, Unsubscribes = 8, UserUnknown = 9, UserRecycled = 10, MailboxFull = 11, BlockContent = 12,
        BlockTimeout = 13, BlockOther = 14, OtherSoft = 15, OtherHard = 16, ComplaintsHandled = 17, ComplaintsUnhandled = 18;

    /// <summary>How long a message keeps collecting activity: four weeks, by then every curve is spent.</summary>
    private const int HorizonHours = 28 * 24;

    /// <summary>The default account's messages: id, subject, age (as a share of the history, oldest first), send hour, list size.</summary>
    private static readonly (string Id, string Subject, double Age, int Hour, long Recipients)[] DefaultPlan =
    [
        ("sbx-newsletter", "Monthly newsletter: what is new this month", 0.85, 9, 42_000),
        ("sbx-launch", "Meet the new dashboard", 0.60, 14, 65_000),
        ("sbx-flash-sale", "Flash sale: 48 hours only", 0.40, 7, 80_000),
        ("sbx-webinar", "Live webinar invitation", 0.20, 11, 18_000),
        ("sbx-digest", "Your weekly digest", 0.03, 17, 26_000),
    ];

    private static readonly string[] Subjects =
    [
        "Monthly newsletter", "What is new this week", "Flash sale: 48 hours only", "Live webinar invitation", "Your weekly digest",
        "Tips for getting more out of your account", "Last chance: offer ends tonight", "Customer stories",
    ];

    private enum Curve
    {
        Sending,
        FirstOpens,
        Repeats,
        FirstClicks,
        FirstGoals,
        RepeatGoals,
        Forwards,
        Unsubscribes,
        HardBounces,
        SoftBounces,
        Complaints,
    }

    private readonly SandboxData _data;
    private readonly Dictionary<string, (JsonRpcMessagesSandboxMessage Message, Regenerated Final)> _activity = new(StringComparer.Ordinal);

    /// <param name="data">The sandbox's data.</param>
    /// <param name="account">The account's name (every message's stream carries it).</param>
    /// <param name="newsletters">How many messages a generated account sends over its history; null for the default account's five.</param>
    /// <param name="startDay">The day the sandbox started on: the history ends there.</param>
    public JsonRpcMessagesSandboxData(SandboxData data, string account, int? newsletters, DateOnly startDay)
    {
        _data = data;
        var historyDays = startDay.DayNumber - data.FirstDay.DayNumber + 1;
        (string Id, string Subject, double Age, int Hour, long Recipients)[] plan = newsletters is { } count
            ? [.. Enumerable.Range(0, count).Select(k =>
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{account}-nl-{k + 1:D3}");
                return (id, Subjects[k % Subjects.Length], 1 - ((k + 0.5) / count), 6 + (int)(SandboxTime.Unit(id, 0, 1) * 12), 4_000 + (long)(SandboxTime.Unit(id, 0, 2) * 60_000));
            })]
            : DefaultPlan;
        var messages = new List<JsonRpcMessagesSandboxMessage>(plan.Length);
        foreach (var (id, subject, age, hour, recipients) in plan)
        {
            var day = startDay.AddDays(-(int)Math.Round(age * (historyDays - 1)));
            var message = new JsonRpcMessagesSandboxMessage(id, subject, day.ToDateTime(new TimeOnly(hour, 0)));
            messages.Add(message);
            _activity[id] = (message, new Regenerated(() => Generate(account, message, recipients)));
        }

        Messages = messages;
    }

    /// <summary>The messages, oldest first.</summary>
    public IReadOnlyList<JsonRpcMessagesSandboxMessage> Messages { get; }

    /// <summary>
    /// The hours with activity of message <paramref name="id"/> reported at the sandbox's now, oldest first; false for an
    /// unknown message.
    /// </summary>
    public bool TryGetActivity(string id, out IReadOnlyList<JsonRpcMessagesSandboxHour> hours)
    {
        if (!_activity.TryGetValue(id, out var activity))
        {
            hours = [];
            return false;
        }

        var now = _data.Now;
        var final = activity.Final.Value;
        var result = new List<JsonRpcMessagesSandboxHour>();
        for (var t = 0; t < final.Length; t++)
        {
            var start = activity.Message.SentAt.AddHours(t);
            var maturity = SandboxTime.Maturity(new DateTimeOffset(start, TimeSpan.Zero), now);
            if (maturity <= 0)
            {
                break;
            }

            var counters = new long[CounterNames.Length];
            var any = false;
            for (var c = 0; c < counters.Length; c++)
            {
                // Sends and bounces are reported at once; engagement and complaints arrive late.
                counters[c] = c is Sent or (>= UserUnknown and <= OtherHard) ? final[t][c] : SandboxTime.Scale(final[t][c], maturity);
                any |= counters[c] > 0;
            }

            if (any)
            {
                result.Add(new JsonRpcMessagesSandboxHour(start, counters));
            }
        }

        hours = result;
        return true;
    }

    /// <summary>The message's final counters per hour from its send hour on, every part spread over the horizon.</summary>
    private int[][] Generate(string account, JsonRpcMessagesSandboxMessage message, long recipients)
    {
        // The send day's outcome, as SandboxData has it for this message's stream: the message's totals.
        var day = _data.Final($"getresponse/{account}/{message.Id}", DateOnly.FromDateTime(message.SentAt), recipients);
        var hard = day.HardBounces;
        var soft = day.Bounces - hard;
        var spam = day.SpamReports;
        var uniqueGoals = Share(day.UniqueClicks, 0.25);
        var sendingHours = (int)Math.Clamp(1 + (day.Requests / 20_000), 1, 4);

        // Each part is spread over the hours once and added to every counter it belongs to: a first open is an open too.
        (long Total, Curve Curve, int[] Counters)[] parts =
        [
            (day.Requests, Curve.Sending, [Sent]),
            (day.UniqueOpens, Curve.FirstOpens, [Opened, UniqueOpened]),
            (day.Opens - day.UniqueOpens, Curve.Repeats, [Opened]),
            (day.UniqueClicks, Curve.FirstClicks, [Clicked, UniqueClicked]),
            (day.Clicks - day.UniqueClicks, Curve.Repeats, [Clicked]),
            (uniqueGoals, Curve.FirstGoals, [Goals, UniqueGoals]),
            (Share(uniqueGoals, 0.2), Curve.RepeatGoals, [Goals]),
            (Share(day.UniqueOpens, 0.012), Curve.Forwards, [Forwarded]),
            (day.Unsubscribes, Curve.Unsubscribes, [Unsubscribes]),
            (day.InvalidEmail + Share(hard, 0.6), Curve.HardBounces, [UserUnknown]),
            (Share(hard, 0.1), Curve.HardBounces, [UserRecycled]),
            (Math.Max(0, hard - Share(hard, 0.6) - Share(hard, 0.1)), Curve.HardBounces, [OtherHard]),
            (Share(soft, 0.45), Curve.SoftBounces, [MailboxFull]),
            (Share(soft, 0.15), Curve.SoftBounces, [BlockTimeout]),
            (Math.Max(0, soft - Share(soft, 0.45) - Share(soft, 0.15)), Curve.SoftBounces, [OtherSoft]),
            (Share(day.Blocks, 0.4), Curve.HardBounces, [BlockContent]),
            (day.Blocks - Share(day.Blocks, 0.4), Curve.HardBounces, [BlockOther]),
            (spam - (spam / 6), Curve.Complaints, [ComplaintsHandled]),
            (spam / 6, Curve.Complaints, [ComplaintsUnhandled]),
        ];

        var counters = new int[HorizonHours][];
        for (var t = 0; t < HorizonHours; t++)
        {
            counters[t] = new int[CounterNames.Length];
        }

        var weights = new double[HorizonHours];
        for (var p = 0; p < parts.Length; p++)
        {
            var (total, curve, targets) = parts[p];
            if (total <= 0)
            {
                continue;
            }

            var sum = 0.0;
            for (var t = 0; t < HorizonHours; t++)
            {
                var hourOfDay = (message.SentAt.Hour + t) % 24;
                weights[t] = Weight(curve, t, hourOfDay, sendingHours) * (0.6 + (0.8 * SandboxTime.Unit(message.Id, t, p)));
                sum += weights[t];
            }

            // Whole numbers by rounding the running total: they add up exactly to the part's total over the horizon.
            var cumulative = 0.0;
            var before = 0L;
            for (var t = 0; t < HorizonHours; t++)
            {
                cumulative += weights[t];
                var upTo = t == HorizonHours - 1 ? total : (long)Math.Round(total * (cumulative / sum));
                foreach (var target in targets)
                {
                    counters[t][target] += (int)(upTo - before);
                }

                before = upTo;
            }
        }

        return counters;
    }

    /// <summary>How much of a part falls in hour <paramref name="t"/> after sending started (before jitter and scaling).</summary>
    private static double Weight(Curve curve, int t, int hourOfDay, int sendingHours)
    {
        // People read mail by day: fewer opens, clicks and unsubscribes at night.
        var awake = hourOfDay switch
        {
            < 6 => 0.15,
            < 9 => 0.6,
            < 19 => 1.0,
            < 23 => 0.7,
            _ => 0.3,
        };

        return curve switch
        {
            Curve.Sending => t < sendingHours ? 1 : 0,
            Curve.FirstOpens => awake * Mix(t, 6, 60, 0.3),
            Curve.Repeats => awake * Mix(t, 12, 120, 0.4),
            Curve.FirstClicks => awake * Mix(t, 4, 48, 0.25),
            Curve.FirstGoals => t < 1 ? 0 : awake * Mix(t - 1, 4, 48, 0.25),
            Curve.RepeatGoals => t < 1 ? 0 : awake * Mix(t - 1, 12, 120, 0.4),
            Curve.Forwards => awake * Mix(t, 24, 24, 0),
            Curve.Unsubscribes => awake * Mix(t, 6, 72, 0.3),
            Curve.HardBounces => t < 24 ? Mix(t, 2, 2, 0) : 0,
            Curve.SoftBounces => t < 96 ? Mix(t, 16, 16, 0) : 0,
            _ => Mix(t, 12, 96, 0.5),
        };
    }

    /// <summary>
    /// Two exponential decays: a fast one (mean <paramref name="fast"/> hours) and a slow tail (mean <paramref name="slow"/>
    /// hours) that carries <paramref name="tail"/> of the activity.
    /// </summary>
    private static double Mix(int t, double fast, double slow, double tail) =>
        ((1 - tail) * Math.Exp(-t / fast) / fast) + (tail * Math.Exp(-t / slow) / slow);

    private static long Share(long of, double share) => (long)Math.Round(of * share);

    /// <summary>
    /// A message's hours, generated when asked and kept only while memory allows (a weak reference): the same seed gives
    /// the same hours, so an estate of thousands of newsletters costs CPU when read, not half a megabyte each for ever.
    /// </summary>
    private sealed class Regenerated(Func<int[][]> generate)
    {
        private readonly WeakReference<int[][]?> _kept = new(null);

        public int[][] Value
        {
            get
            {
                if (_kept.TryGetTarget(out var hours) && hours is not null)
                {
                    return hours;
                }

                hours = generate();
                _kept.SetTarget(hours);
                return hours;
            }
        }
    }
}
