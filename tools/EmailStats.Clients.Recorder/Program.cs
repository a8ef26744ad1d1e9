// Records fixtures from a live provider through WireMock's proxy-and-record mode, secrets scrubbed.
//
//   dotnet run --project tools/EmailStats.Clients.Recorder -- --target https://api.mailgun.net/ --out recorded/mailgun.json [--port 9091]
//
// Then point a client (a sample, your app) at the printed address, make the calls to record, and press Enter.
// Every credential the requests carry (api_key/api_user fields, Authorization and X-API-Key headers, the first JSON-RPC
// param) is replaced by a placeholder wherever it appears, and the write is refused if any form of one survives.
// Credentials in these environment variables are scrubbed too, wherever they appear:
// SENDGRID_API_USER, SENDGRID_API_KEY, GETRESPONSE_API_KEY, MAILGUN_API_KEY, REPORTS_API_KEY.
using EmailStats.Clients.Recorder;

string? target = null, output = null;
var port = 0;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--target" when i + 1 < args.Length:
            target = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p):
            port = p;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return Usage();
    }
}

if (target is null || output is null || !Uri.TryCreate(target, UriKind.Absolute, out var targetUri))
{
    return Usage();
}

var options = new FixtureRecorderOptions { Target = targetUri, Port = port };
foreach (var (variable, placeholder) in new[]
{
    ("SENDGRID_API_USER", FixtureRecorderOptions.UserPlaceholder), ("SENDGRID_API_KEY", FixtureRecorderOptions.KeyPlaceholder),
    ("GETRESPONSE_API_KEY", FixtureRecorderOptions.KeyPlaceholder), ("MAILGUN_API_KEY", FixtureRecorderOptions.KeyPlaceholder),
    ("REPORTS_API_KEY", FixtureRecorderOptions.KeyPlaceholder),
})
{
    if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } secret)
    {
        options.Secrets[secret] = placeholder;
    }
}

using var recorder = FixtureRecorder.Start(options);
Console.WriteLine($"Recording {targetUri} at {recorder.Url}");
Console.WriteLine("Point your client's base address (or endpoint) there, make the calls, then press Enter to write the fixtures.");
Console.ReadLine();
try
{
    var count = recorder.Save(output);
    Console.WriteLine($"{count} exchange(s) written to {output}.");
    return 0;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: --target <provider base URL> --out <mapping file> [--port <loopback port>]");
    return 2;
}
