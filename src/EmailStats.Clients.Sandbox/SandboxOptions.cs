namespace EmailStats.Clients.Sandbox;

/// <summary>How the sandbox starts.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// The day the sandbox's history ends when it starts: its generated accounts hold <see cref="HistoryDays"/> days of
    /// data up to this day. Defaults to the current UTC date of <see cref="TimeProvider"/> (or of the system clock).
    /// </summary>
    public DateOnly? Today { get; set; }

    /// <summary>How many days of history end at <see cref="Today"/> (1 to 3650; default 400).</summary>
    public int HistoryDays { get; set; } = 400;

    /// <summary>
    /// The sandbox's clock, read at every request. Null (the default): a clock that stands still at the last second
    /// of <see cref="Today"/>. Give a clock you can move (<c>FakeTimeProvider</c>) to let days pass: new days get their
    /// numbers, today's row fills up, and the last two days' opens, clicks, complaints and unsubscribes keep arriving
    /// as they do at real providers; a day older than that never changes again.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Also serve on a loopback port (<see cref="EmailStatsSandbox.Url"/> becomes <c>http://127.0.0.1:port/</c>), for
    /// programs that need a URL rather than an in-process handler. Off by default: the sandbox then opens no socket.
    /// </summary>
    public bool Listen { get; set; }

    /// <summary>The loopback port to listen on when <see cref="Listen"/> is set; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }
}
