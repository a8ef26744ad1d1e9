using EmailStats.Clients.Reliability.Tests.Drivers;
using EmailStats.Clients.Reliability.Tests.Infrastructure;

namespace EmailStats.Clients.Reliability.Tests;

/// <summary>
/// RELIABILITY.md's table is this suite's own results: every other test records its outcome, and this test, which
/// runs last and alone, renders them and compares the table with the committed file. Set
/// <c>EMAILSTATS_WRITE_RELIABILITY=1</c> to write the table into the file instead (then commit it).
/// </summary>
[Collection(Collections.Report)]
public sealed class ReportTests
{
    [Fact]
    public void Reliability_md_holds_the_outcome_of_every_scenario_for_every_provider()
    {
        var providers = Drivers.Drivers.All.Select(d => d.Name).ToList();
        var missing = ReliabilityReport.Missing(providers);
        Assert.True(missing.Count == 0, "Run the whole project: these scenarios did not record an outcome: " + string.Join(", ", missing));
        var table = ReliabilityReport.Render(providers);

        var path = Path.Combine(RepositoryRoot(), "RELIABILITY.md");
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var begin = committed.IndexOf(ReliabilityReport.Begin, StringComparison.Ordinal);
        var end = committed.IndexOf(ReliabilityReport.End, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("EMAILSTATS_WRITE_RELIABILITY") == "1")
        {
            var updated = begin >= 0 && end > begin
                ? committed[..begin] + table + committed[(end + ReliabilityReport.End.Length + 1)..]
                : committed + "\n" + table;
            File.WriteAllText(path, updated);
            return;
        }

        Assert.True(begin >= 0 && end > begin, $"{path} has no generated table; run the suite with EMAILSTATS_WRITE_RELIABILITY=1");
        Assert.Equal(table, committed[begin..(end + ReliabilityReport.End.Length + 1)]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmailStats.Clients.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EmailStats.Clients.sln was not found above " + AppContext.BaseDirectory);
    }
}
