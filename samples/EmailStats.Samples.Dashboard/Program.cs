// The dashboard: daily email metrics of every provider side by side, from the built-in sandbox when no credentials
// are set, from the live providers when they are (environment variables or user secrets, see the README).
//
//   dotnet run --project samples/EmailStats.Samples.Dashboard
//   dotnet run --project samples/EmailStats.Samples.Dashboard -- --from 2026-11-01 --to 2026-11-14 --provider mailgun --provider reports --output csv stats.csv
using System.CommandLine;
using EmailStats.Samples.Dashboard;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

var today = DateOnly.FromDateTime(DateTime.UtcNow);
var fromOption = new Option<DateOnly?>("--from") { Description = "The first day (yyyy-MM-dd). Default: 13 days before --to." };
var toOption = new Option<DateOnly?>("--to") { Description = "The last day (yyyy-MM-dd). Default: today (UTC)." };
var providerOption = new Option<Provider[]>("--provider")
{
    Description = "A provider to show (sendgrid, getresponse, mailgun, reports); repeat it for several. Default: all.",
    AllowMultipleArgumentsPerToken = true,
};
var outputOption = new Option<string[]>("--output")
{
    Description = "Also write the numbers to a file: --output json FILE or --output csv FILE.",
    Arity = new ArgumentArity(2, 2),
    AllowMultipleArgumentsPerToken = true,
};

var root = new RootCommand("Daily email metrics across SendGrid v2, GetResponse, Mailgun and Benchmark Email.")
{
    fromOption, toOption, providerOption, outputOption,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var to = parse.GetValue(toOption) ?? today;
    var from = parse.GetValue(fromOption) ?? to.AddDays(-13);
    var providers = parse.GetValue(providerOption) is { Length: > 0 } chosen ? chosen : Enum.GetValues<Provider>();
    var output = parse.GetValue(outputOption) is { Length: 2 } pair ? pair : null;
    var configuration = new ConfigurationBuilder()
        .AddUserSecrets(typeof(DashboardApp).Assembly, optional: true)
        .AddEnvironmentVariables()
        .Build();
    return await DashboardApp.RunAsync(
        new DashboardArguments(from, to, providers, output?[0].ToLowerInvariant(), output?[1]),
        AnsiConsole.Console,
        configuration,
        cancellationToken);
});

return await root.Parse(args).InvokeAsync();
