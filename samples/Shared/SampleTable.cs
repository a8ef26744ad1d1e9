namespace EmailStats.Samples;

/// <summary>
/// The plain-text table every per-provider sample prints: the first <c>leftColumns</c> columns left-aligned, the others
/// right-aligned, two spaces apart, a rule under the header and, when the last row is a total, one above it.
/// </summary>
internal static class SampleTable
{
    public static void Write(string[] header, IReadOnlyList<string[]> rows, int leftColumns = 1, bool lastRowIsTotal = false)
    {
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(row => row[c].Length))).ToArray();
        var rule = string.Join("  ", widths.Select(w => new string('-', w)));
        Console.WriteLine(Line(header));
        Console.WriteLine(rule);
        for (var i = 0; i < rows.Count; i++)
        {
            if (lastRowIsTotal && i == rows.Count - 1)
            {
                Console.WriteLine(rule);
            }

            Console.WriteLine(Line(rows[i]));
        }

        string Line(string[] cells) =>
            string.Join("  ", cells.Select((cell, c) => c < leftColumns ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
    }
}
