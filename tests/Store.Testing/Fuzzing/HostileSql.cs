using System.Globalization;

namespace Store.Testing.Fuzzing;

/// <summary>
/// Statements built to hurt: one form nested to a random depth on either side of the engine's
/// limit (parentheses, subqueries, CASE, function calls, prefix operators, operator chains), or
/// a very long list. What each must do is end in rows or a typed error, quickly.
/// </summary>
public sealed class HostileSql(Random random)
{
    private static readonly int[] Depths = [10, 100, 500, 999, 1000, 1001, 2000, 5000, 20_000];

    public string Next()
    {
        var n = Depths[random.Next(Depths.Length)];
        return random.Next(8) switch
        {
            0 => "SELECT " + new string('(', n) + "1" + new string(')', n),
            1 => "SELECT * FROM " + Repeat("(SELECT * FROM ", n) + "docs" + new string(')', n),
            2 => "SELECT " + Repeat("CASE WHEN id > 0 THEN ", n) + "id" + Repeat(" END", n) + " FROM docs",
            3 => "SELECT " + Repeat("abs(", n) + "-1" + new string(')', n),
            4 => "SELECT count(*) FROM docs GROUP BY " + Repeat("NOT ", n) + "year",
            5 => "SELECT " + string.Join(" || ", Enumerable.Repeat("'x'", n)),
            6 => "SELECT id FROM docs WHERE id IN (" + string.Join(", ", Enumerable.Range(0, n * 10).Select(i => i.ToString(CultureInfo.InvariantCulture))) + ")",
            _ => "SELECT " + Repeat("- ", n) + "1",
        };
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
