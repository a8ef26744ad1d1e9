using System.CommandLine;
using System.Globalization;

namespace EmailStats.Samples.Dashboard;

/// <summary>What the command line asked for.</summary>
internal sealed record DashboardArguments(DateOnly From, DateOnly To, IReadOnlyList<Provider> Providers, IReadOnlyList<DashboardOutput> Outputs)
{
    /// <summary>The sync's SQLite file to read instead of asking the providers (<c>--store FILE</c>); null to ask them.</summary>
    public string? Store { get; init; }
}

/// <summary>One export: <c>--output json FILE</c>, <c>--output csv FILE</c> or <c>--output html FILE</c>.</summary>
internal sealed record DashboardOutput(string Format, string File);

/// <summary>
/// The command line: <c>--from</c>/<c>--to</c> as <c>yyyy-MM-dd</c> in the invariant (Gregorian) calendar whatever the
/// culture, <c>--provider</c> repeated or comma-separated by name, <c>--output</c> repeated. Usage errors are one line
/// each and exit code 2.
/// </summary>
internal static class DashboardCommandLine
{
    /// <summary>Every provider answered.</summary>
    public const int Ok = 0;

    /// <summary>At least one provider failed (the others are still shown and exported).</summary>
    public const int SomeFailed = 1;

    /// <summary>The command line or an export target is wrong; nothing was fetched.</summary>
    public const int Usage = 2;

    private static readonly Option<string> FromOption = new("--from") { Description = "The first day, yyyy-MM-dd. Default: 13 days before --to." };
    private static readonly Option<string> ToOption = new("--to") { Description = "The last day, yyyy-MM-dd. Default: today (UTC)." };

    private static readonly Option<string[]> ProviderOption = new("--provider")
    {
        Description = $"Providers to show, repeated or comma-separated: {Providers.Valid}. Default: all.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> OutputOption = new("--output")
    {
        Description = "Also write the numbers to a file, repeatable: --output json FILE, --output csv FILE, --output html FILE (the report page).",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string> StoreOption = new("--store")
    {
        Description = "Show what the sync keeps in this SQLite file (EmailStats.Samples.Sync) instead of asking the providers: every stored source, --provider filters.",
    };

    public static RootCommand Root { get; } = new(
        "Daily email metrics of SendGrid, GetResponse, Mailgun and Benchmark Email side by side (the built-in sandbox for "
        + "providers without credentials). Exit codes: 0 every provider answered, 1 some provider failed, 2 bad usage.")
    {
        FromOption, ToOption, ProviderOption, OutputOption, StoreOption,
    };

    /// <summary>Reads the arguments; on a usage error writes one line per problem to <paramref name="errors"/> and returns null.</summary>
    public static DashboardArguments? Parse(ParseResult parse, DateOnly today, TextWriter errors)
    {
        var problems = parse.Errors.Select(e => e.Message).ToList();
        var to = Date(parse.GetValue(ToOption), "--to", problems) ?? today;
        var from = Date(parse.GetValue(FromOption), "--from", problems) ?? to.AddDays(-13);
        if (problems.Count == 0 && to < from)
        {
            problems.Add(Invariant($"--from ({from:yyyy-MM-dd}) is after --to ({to:yyyy-MM-dd})."));
        }

        var providers = new List<Provider>();
        foreach (var name in (parse.GetValue(ProviderOption) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)))
        {
            if (Providers.TryParse(name, out var provider))
            {
                providers.Add(provider);
            }
            else
            {
                problems.Add($"--provider does not know '{name}': use {Providers.Valid}.");
            }
        }

        var outputs = new List<DashboardOutput>();
        var words = parse.GetValue(OutputOption) ?? [];
        if (words.Length % 2 != 0)
        {
            problems.Add("--output takes a format and a file: --output json FILE, --output csv FILE or --output html FILE.");
        }
        else
        {
            for (var i = 0; i < words.Length; i += 2)
            {
                var format = words[i].ToLowerInvariant();
                if (format is not ("json" or "csv" or "html"))
                {
                    problems.Add($"--output takes json, csv or html, not '{words[i]}'.");
                }
                else if (outputs.Any(o => string.Equals(o.File, words[i + 1], StringComparison.Ordinal)))
                {
                    problems.Add($"--output names {words[i + 1]} twice.");
                }
                else
                {
                    outputs.Add(new DashboardOutput(format, words[i + 1]));
                }
            }
        }

        var store = parse.GetValue(StoreOption);
        if (store is not null && !File.Exists(store))
        {
            problems.Add($"--store {store}: no such file (run the sync first: dotnet run --project samples/EmailStats.Samples.Sync -- --once).");
        }

        foreach (var problem in problems)
        {
            errors.WriteLine($"error: {problem}");
        }

        if (problems.Count > 0)
        {
            errors.WriteLine("Run with --help for the options.");
            return null;
        }

        return new DashboardArguments(from, to, providers.Count > 0 ? providers.Distinct().Order().ToList() : Providers.All, outputs) { Store = store };
    }

    private static DateOnly? Date(string? text, string option, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{option} takes a date as yyyy-MM-dd (for example 2026-11-28), not '{text}'.");
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
