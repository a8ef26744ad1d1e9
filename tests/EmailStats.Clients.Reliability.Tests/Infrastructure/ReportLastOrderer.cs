using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("EmailStats.Clients.Reliability.Tests.Infrastructure.ReportLastOrderer", "EmailStats.Clients.Reliability.Tests")]

namespace EmailStats.Clients.Reliability.Tests.Infrastructure;

/// <summary>The names of the collections that must not run alongside others.</summary>
public static class Collections
{
    /// <summary>Measures process-wide allocations: nothing else may run meanwhile.</summary>
    public const string Memory = "Memory (runs alone)";

    /// <summary>Renders RELIABILITY.md from every other test's outcome: runs alone and last.</summary>
    public const string Report = "Report (runs alone, last)";
}

[CollectionDefinition(Collections.Memory, DisableParallelization = true)]
public sealed class MemoryCollection;

[CollectionDefinition(Collections.Report, DisableParallelization = true)]
public sealed class ReportCollection;

/// <summary>
/// Keeps xunit's order but puts the report's collection last. Non-parallel collections run after all the parallel
/// ones, in this order, so the report sees every other outcome.
/// </summary>
public sealed class ReportLastOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == Collections.Report ? 1 : 0);
}
