using System.Diagnostics;

namespace EmailStats.Clients.Testing;

/// <summary>
/// The repository's sample programs, started as users run them (<c>dotnet EmailStats.Samples.X.dll</c>) from the build
/// output of the samples a test project references. One source file, linked into the projects that start samples (the
/// dashboard's and the sync's tests, the benchmarks).
/// </summary>
public static class SamplePrograms
{
    /// <summary>
    /// The sample's program file, built beside the calling test project: tests/T/bin/<i>Configuration</i>/net10.0/ gives
    /// samples/EmailStats.Samples.<paramref name="sample"/>/bin/<i>Configuration</i>/net10.0/EmailStats.Samples.<paramref name="sample"/>.dll.
    /// </summary>
    public static string Dll(string sample)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "samples", $"EmailStats.Samples.{sample}", "bin", here.Parent.Name, here.Name, $"EmailStats.Samples.{sample}.dll");
    }

    /// <summary>
    /// How to start <paramref name="dll"/> with <paramref name="arguments"/>: output and errors redirected, each setting an
    /// environment variable in configuration's spelling (<c>EmailStats:Sync:BackfillDays</c> as <c>EmailStats__Sync__BackfillDays</c>),
    /// in <paramref name="workingDirectory"/> (the program's folder when null).
    /// </summary>
    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>>? settings = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in settings ?? [])
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }
}
