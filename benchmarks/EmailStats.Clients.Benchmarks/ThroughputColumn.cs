using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EmailStats.Clients.Benchmarks;

/// <summary>Parser throughput: the input's size over the mean time, in MB/s (10^6 bytes per second).</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input bytes parsed per second (over the median time), in 10^6 bytes";

    /// <summary>The input size of a parser case, or null for cases that are not parsers.</summary>
    public static long? InputBytes(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (type == typeof(ParserBenchmarks))
        {
            return InMemory.Bytes((ParserPayload)benchmarkCase.Parameters["Payload"]).Length;
        }

        if (type == typeof(SendGridFormatParserBenchmarks))
        {
            return benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SendGridFormatParserBenchmarks.Xml)
                ? Payloads.SendGridXml(Size.Large).Length
                : Payloads.SendGridJson(Size.Large).Length;
        }

        return null;
    }

    public static double? MegabytesPerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Median;
        return InputBytes(benchmarkCase) is { } bytes && mean is > 0 ? bytes / (mean.Value / 1e9) / 1e6 : null;
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        MegabytesPerSecond(summary, benchmarkCase)?.ToString("N1", CultureInfo.InvariantCulture) ?? "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => InputBytes(c) is not null);

    public override string ToString() => ColumnName;
}
