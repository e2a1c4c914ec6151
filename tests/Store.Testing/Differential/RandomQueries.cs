using System.Globalization;

namespace Store.Testing.Differential;

/// <summary>
/// A seeded generator of SELECT statements over <see cref="RandomDatabase"/>'s tables that
/// SQLite and Store must answer alike: filters, expressions, DISTINCT, ORDER BY, LIMIT / OFFSET,
/// GROUP BY with aggregates and HAVING, inner and left joins. It avoids what the two dialects
/// define differently on purpose (comparisons across types, where SQLite's column affinity
/// converts and Store does not), and every ORDER BY that meets a LIMIT ends with a unique key,
/// so the expected order is fully determined.
/// </summary>
public sealed class RandomQueries(Random random)
{
    private string[] _ints = [];
    private string[] _reals = [];
    private string[] _texts = [];

    /// <summary>A query, and whether its ORDER BY fixes the order of every row (so order is compared too).</summary>
    public (string Sql, bool Ordered) Next() => random.Next(10) switch
    {
        < 5 => Plain(),
        < 8 => Grouped(),
        _ => Joined(),
    };

    private (string, bool) Plain()
    {
        Use(["t1.id", "t1.a", "t1.d"], ["t1.b"], ["t1.c"]);
        var distinct = random.Next(5) == 0;
        var items = Items(random.Next(1, 4));
        var sql = $"SELECT {(distinct ? "DISTINCT " : "")}{string.Join(", ", items)} FROM t1" + Where();
        var ordered = random.Next(3) > 0;
        if (ordered)
        {
            sql += distinct
                ? " ORDER BY " + string.Join(", ", items.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + Direction()))
                : $" ORDER BY {Pick(_ints.Concat(_reals).Concat(_texts).ToArray())}{Direction()}, t1.id{Direction()}";
            sql += Limit();
        }

        return (sql, ordered);
    }

    private (string, bool) Grouped()
    {
        Use(["t1.id", "t1.a", "t1.d"], ["t1.b"], ["t1.c"]);
        var keys = random.Next(4) switch
        {
            0 => Array.Empty<string>(),
            1 => ["t1.a"],
            2 => ["t1.c", "t1.d"],
            _ => ["t1.a % 3"],
        };
        var aggregates = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Aggregate()).ToList();
        var sql = $"SELECT {string.Join(", ", keys.Concat(aggregates))} FROM t1" + Where();
        if (keys.Length > 0)
        {
            sql += " GROUP BY " + string.Join(", ", keys);
            if (random.Next(3) == 0)
            {
                sql += $" HAVING COUNT(*) {Pick(["=", ">", ">=", "<"])} {random.Next(0, 4)}";
            }

            sql += " ORDER BY " + string.Join(", ", keys.Select(k => k + Direction()));
            if (random.Next(3) == 0)
            {
                sql += Limit();
            }
        }

        return (sql, true);
    }

    private (string, bool) Joined()
    {
        Use(["t1.id", "t1.a", "t1.d", "t2.x", "t2.id"], ["t1.b"], ["t1.c", "t2.y"]);
        var left = random.Next(2) == 0;
        var on = random.Next(3) switch
        {
            0 => "t2.id = t1.d",
            1 => "t1.a = t2.x",
            _ => "t2.x = t1.d AND t2.y IS NOT NULL",
        };
        var items = Items(random.Next(1, 4));
        var sql = $"SELECT {string.Join(", ", items)} FROM t1 {(left ? "LEFT JOIN" : "JOIN")} t2 ON {on}" + Where();
        var ordered = random.Next(2) == 0;
        if (ordered)
        {
            sql += $" ORDER BY t1.id{Direction()}, t2.id{Direction()}" + Limit();
        }

        return (sql, ordered);
    }

    private void Use(string[] ints, string[] reals, string[] texts) => (_ints, _reals, _texts) = (ints, reals, texts);

    private List<string> Items(int count) =>
        Enumerable.Range(0, count).Select(i => random.Next(4) switch
        {
            0 => IntExpression(2),
            1 => RealExpression(),
            2 => TextExpression(2),
            _ => Condition(1),
        } + (random.Next(4) == 0 ? $" AS v{i}" : "")).ToList();

    private string Where() => random.Next(4) == 0 ? "" : " WHERE " + Condition(2);

    private string Limit() => random.Next(3) switch
    {
        0 => "",
        1 => $" LIMIT {random.Next(0, 12)}",
        _ => $" LIMIT {random.Next(0, 12)} OFFSET {random.Next(0, 6)}",
    };

    private string Direction() => random.Next(2) == 0 ? "" : " DESC";

    private string Aggregate() => random.Next(9) switch
    {
        0 => "COUNT(*)",
        1 => $"COUNT({Pick([.. _ints, .. _texts])})",
        2 => $"SUM({Pick(_ints)})",
        3 => $"SUM({Pick(_reals)})",
        4 => $"AVG({Pick([.. _ints, .. _reals])})",
        5 => $"MIN({Pick([.. _ints, .. _reals, .. _texts])})",
        6 => $"MAX({Pick([.. _ints, .. _reals, .. _texts])})",
        7 => "COUNT(DISTINCT t1.a)",
        _ => $"SUM({IntExpression(1)})",
    };

    private string IntExpression(int depth) => (depth <= 0 ? random.Next(3) : random.Next(9)) switch
    {
        0 or 1 => Pick(_ints),
        2 => random.Next(-3, 10).ToString(CultureInfo.InvariantCulture),
        3 => $"({IntExpression(depth - 1)} {Pick(["+", "-", "*"])} {IntExpression(depth - 1)})",
        4 => $"({IntExpression(depth - 1)} {Pick(["/", "%"])} {Pick(["2", "3", "-4"])})",
        5 => $"abs({IntExpression(depth - 1)})",
        6 => $"CASE WHEN {Condition(depth - 1)} THEN {IntExpression(depth - 1)} ELSE {IntExpression(depth - 1)} END",
        7 => $"coalesce({Pick(_ints)}, {random.Next(0, 5)})",
        _ => $"length({TextExpression(depth - 1)})",
    };

    private string RealExpression() => random.Next(4) switch
    {
        0 => Pick(_reals),
        1 => $"({Pick(_reals)} + {Pick(_ints)})",
        2 => $"({Pick(_reals)} * 2)",
        _ => $"CAST({Pick(_ints)} AS REAL)",
    };

    private string TextExpression(int depth) => (depth <= 0 ? random.Next(2) : random.Next(8)) switch
    {
        0 => Pick(_texts),
        1 => "'" + Pick(RandomDatabase.Words) + "'",
        2 => $"upper({TextExpression(depth - 1)})",
        3 => $"lower({TextExpression(depth - 1)})",
        4 => $"({TextExpression(depth - 1)} || '-' || {Pick(_ints)})",
        5 => $"substr({TextExpression(depth - 1)}, {random.Next(0, 4)}, {random.Next(0, 5)})",
        6 => $"coalesce({Pick(_texts)}, 'none')",
        _ => $"trim({TextExpression(depth - 1)})",
    };

    private string Condition(int depth) => (depth <= 0 ? random.Next(6) : random.Next(9)) switch
    {
        0 => $"{IntExpression(depth)} {Comparison()} {IntExpression(depth)}",
        1 => $"{Pick(_reals)} {Comparison()} {(random.Next(-100, 200) / 2.0).ToString(CultureInfo.InvariantCulture)}",
        2 => $"{TextExpression(depth)} {Comparison()} '{Pick(RandomDatabase.Words)}'",
        3 => $"{Pick([.. _ints, .. _reals, .. _texts])} IS {(random.Next(2) == 0 ? "" : "NOT ")}NULL",
        4 => $"{Pick(_ints)} {(random.Next(3) == 0 ? "NOT " : "")}BETWEEN {random.Next(-5, 8)} AND {random.Next(0, 20)}",
        5 => $"{Pick(_ints)} {(random.Next(3) == 0 ? "NOT " : "")}IN ({string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(7) == 0 ? "NULL" : random.Next(-5, 20).ToString(CultureInfo.InvariantCulture)))})",
        6 => $"{Pick(_texts)} {(random.Next(3) == 0 ? "NOT " : "")}LIKE '{Pick(["a%", "%e%", "_a%", "%", "APPLE%", "%pie"])}'",
        7 => $"NOT ({Condition(depth - 1)})",
        _ => $"({Condition(depth - 1)} {Pick(["AND", "OR"])} {Condition(depth - 1)})",
    };

    private string Comparison() => Pick(["=", "<>", "<", "<=", ">", ">="]);

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];
}
