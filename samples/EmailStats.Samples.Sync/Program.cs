// The sync worker: keeps every configured account's daily numbers in a database.
//
//   dotnet run --project samples/EmailStats.Samples.Sync -- --once
//   dotnet run --project samples/EmailStats.Samples.Sync                        (every hour, as a hosted service)
//
// Accounts come from configuration (appsettings.json, environment variables such as
// EmailStats__Accounts__acme__Provider=SendGridV3, user secrets). With none it syncs the built-in sandbox's estate:
// several accounts of every provider, hundreds of sources. Options:
//   --once                run once, print the summary, exit (0 every source synced, 1 some failed)
//   --store FILE          the SQLite file (default emailstats.db); --postgres CONNECTION for PostgreSQL
//   --sandbox-today DATE  the sandbox's last day (yyyy-MM-dd), to replay a given day
//   --hangfire CONNECTION one of several workers sharing the accounts through Hangfire on this PostgreSQL database
//                         (README: "When one machine is not enough"); --dashboard URL also serves Hangfire's dashboard
using EmailStats.Samples.Sync;

return await SyncApp.RunAsync(args, Console.Out, Console.Error);
