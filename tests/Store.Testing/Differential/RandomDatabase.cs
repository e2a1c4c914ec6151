using System.Globalization;

namespace Store.Testing.Differential;

/// <summary>
/// A seeded random pair of tables, as SQL both SQLite and Store run unchanged: t1 (id, a
/// INTEGER, b REAL, c TEXT, d INTEGER) and t2 (id, x INTEGER, y TEXT), with NULLs, duplicates
/// and a few indexes, so queries exercise scans, lookups, index paths and joins.
/// </summary>
public sealed class RandomDatabase
{
    public static readonly string[] Words = ["apple", "Banana", "cherry", "date", "", "a%b", "apple pie", "Zebra", "mango", "x_y"];

    public RandomDatabase(Random random)
    {
        var statements = new List<string>
        {
            "CREATE TABLE t1 (id INTEGER PRIMARY KEY, a INTEGER, b REAL, c TEXT, d INTEGER)",
            "CREATE TABLE t2 (id INTEGER PRIMARY KEY, x INTEGER, y TEXT)",
        };
        if (random.Next(2) == 0)
        {
            statements.Add("CREATE INDEX t1_a ON t1 (a)");
        }

        if (random.Next(2) == 0)
        {
            statements.Add("CREATE INDEX t1_cd ON t1 (c, d)");
        }

        if (random.Next(2) == 0)
        {
            statements.Add("CREATE INDEX t2_x ON t2 (x)");
        }

        var rows1 = random.Next(0, 60);
        for (var id = 1; id <= rows1; id++)
        {
            statements.Add($"INSERT INTO t1 (id, a, b, c, d) VALUES ({id}, {Integer(random)}, {Real(random)}, {Text(random)}, {Integer(random, 0, 25)})");
        }

        var rows2 = random.Next(0, 25);
        for (var id = 1; id <= rows2; id++)
        {
            statements.Add($"INSERT INTO t2 (id, x, y) VALUES ({id}, {Integer(random)}, {Text(random)})");
        }

        Statements = statements;
    }

    public IReadOnlyList<string> Statements { get; }

    private static string Integer(Random random, int low = -5, int high = 20) =>
        random.Next(7) == 0 ? "NULL" : random.Next(low, high).ToString(CultureInfo.InvariantCulture);

    private static string Real(Random random) =>
        random.Next(7) == 0 ? "NULL" : (random.Next(-400, 900) / 4.0).ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Text(Random random) =>
        random.Next(7) == 0 ? "NULL" : "'" + Words[random.Next(Words.Length)] + "'";
}
