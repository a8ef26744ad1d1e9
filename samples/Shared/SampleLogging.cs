// Linked into the samples that log (SampleLogging=true in their project): quiet by default, so that an error is the
// sample's one line and never a page of framework retries and stack traces.
using Microsoft.Extensions.Logging;

namespace EmailStats.Samples;

/// <summary>The samples' logging: nothing by default; <c>EMAILSTATS_LOG_LEVEL</c> (for example <c>information</c>) shows the log on standard error.</summary>
internal static class SampleLogging
{
    public static void Configure(ILoggingBuilder logging)
    {
        var level = SampleSettings.Choice(
            Environment.GetEnvironmentVariable("EMAILSTATS_LOG_LEVEL"),
            "EMAILSTATS_LOG_LEVEL",
            LogLevel.None,
            ("none", LogLevel.None), ("error", LogLevel.Error), ("warning", LogLevel.Warning), ("information", LogLevel.Information), ("debug", LogLevel.Debug), ("trace", LogLevel.Trace));
        logging.SetMinimumLevel(level);
        if (level != LogLevel.None)
        {
            logging.AddSimpleConsole(o => o.SingleLine = true);
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }
}
