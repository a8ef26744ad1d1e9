using Microsoft.Extensions.Logging;

namespace EmailStats.Clients.Internal;

/// <summary>The clients' log messages. Only provider, operation, status and timing: never a body, a header value or a parameter.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Provider} {Operation} sending")]
    public static partial void Sending(ILogger logger, string provider, string operation);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Provider} {Operation} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void Answered(ILogger logger, string provider, string operation, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Provider} {Operation} failed: {Failure}")]
    public static partial void Failed(ILogger logger, string provider, string operation, string failure);
}
