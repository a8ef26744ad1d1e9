// The dashboard: daily email metrics of every provider side by side, from the built-in sandbox when no credentials
// are set, from the live providers when they are (environment variables or user secrets, see the README).
//
//   dotnet run --project samples/EmailStats.Samples.Dashboard
//   dotnet run --project samples/EmailStats.Samples.Dashboard -- --from 2026-11-01 --to 2026-11-14 --provider mailgun,benchmark --output csv stats.csv
//
// Exit codes: 0 every provider answered, 1 some provider failed (the others are still shown), 2 bad usage.
using EmailStats.Samples.Dashboard;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Redirected output has no terminal width: COLUMNS when set, else room for the full table.
if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40)
{
    AnsiConsole.Profile.Width = columns;
}
else if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 140;
}

var configuration = new ConfigurationBuilder()
    .AddUserSecrets(typeof(DashboardApp).Assembly, optional: true)
    .AddEnvironmentVariables()
    .Build();
return await DashboardApp.RunAsync(args, AnsiConsole.Console, Console.Error, configuration, cancellation.Token);
