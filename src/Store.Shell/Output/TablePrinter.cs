using Store.Core.Values;

namespace Store.Shell.Output;

/// <summary>
/// Aligned columns under a header, numbers right-aligned, and a row count. When the table is
/// wider than the terminal the widest columns are cut (marked with …) until it fits.
/// </summary>
internal static class TablePrinter
{
    private const int MinimumColumn = 6;

    /// <summary>Vectors longer than this are cut in tables, where a 384-d vector would fill the screen.</summary>
    private const int ShownDimensions = 6;

    public static void Print(List<string> names, List<DbValue[]> rows, TextWriter output, int? width)
    {
        var cells = rows.Select(r => r.Select(v => ValueText.Format(v, ShownDimensions).ReplaceLineEndings(" ")).ToArray()).ToList();
        var widths = names.Select((n, i) => Math.Max(n.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        if (width is { } limit)
        {
            Fit(widths, limit - (3 * names.Count) + 1);
        }

        output.WriteLine(string.Join(" | ", names.Select((n, i) => Cut(n, widths[i]).PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var (row, values) in cells.Zip(rows))
        {
            output.WriteLine(string.Join(" | ", row.Select((cell, i) =>
            {
                var text = Cut(cell, widths[i]);
                return values[i].Kind is DbValueKind.Integer or DbValueKind.Real ? text.PadLeft(widths[i]) : text.PadRight(widths[i]);
            })).TrimEnd());
        }

        output.WriteLine($"({rows.Count} row{(rows.Count == 1 ? "" : "s")})");
    }

    private static void Fit(int[] widths, int available)
    {
        while (widths.Sum() > available)
        {
            var widest = Array.IndexOf(widths, widths.Max());
            if (widths[widest] <= MinimumColumn)
            {
                return;
            }

            widths[widest]--;
        }
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..Math.Max(width - 1, 0)] + "…";
}
