// An agency's worker: seven sources of four providers (three SendGrid subusers, two Mailgun domains, a GetResponse
// account, a Benchmark Email account) kept in a SQLite file every hour, the last three days read again for late
// opens and clicks. Which accounts and sources: appsettings.json. The keys: user secrets or environment variables
// (EmailStats__Accounts__sendgrid__ApiKey=...), never the file.
//
//   dotnet run --project samples/EmailStats.Samples.Agency
//   dotnet run --project samples/EmailStats.Samples.Dashboard -- --store samples/EmailStats.Samples.Agency/agency.db
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddEmailStatsSync(builder.Configuration.GetSection("EmailStats")).AddWorker();
await builder.Build().RunAsync();
