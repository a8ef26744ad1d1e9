using System.Net;
using System.Text;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>One answer of the fake server: status, body, headers, an optional delay and an optional WireMock fault.</summary>
public sealed record Reply(
    int Status,
    byte[] Body,
    string? ContentType = "application/json",
    TimeSpan Delay = default,
    FaultType Fault = FaultType.NONE,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Reply Json(string body, int status = 200) => new(status, Encoding.UTF8.GetBytes(body));

    public static Reply Text(string body, string? contentType, int status = 200) => new(status, Encoding.UTF8.GetBytes(body), contentType);

    public static Reply Refusal(HttpStatusCode status, string body = "", IReadOnlyDictionary<string, string>? headers = null) =>
        new((int)status, Encoding.UTF8.GetBytes(body), body.Length == 0 ? null : "application/json", Headers: headers);

    internal IResponseMessage ToResponseMessage()
    {
        var message = new ResponseMessage
        {
            StatusCode = Status,
            FaultType = Fault,
            BodyData = new BodyData { BodyAsBytes = Body, DetectedBodyType = BodyType.Bytes },
        };
        if (ContentType is not null)
        {
            message.AddHeader("Content-Type", ContentType);
        }

        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            message.AddHeader(name, value);
        }

        return message;
    }
}
