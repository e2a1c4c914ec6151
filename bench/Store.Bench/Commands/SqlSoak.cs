using Store.Testing.Differential;

namespace Store.Bench.Commands;

/// <summary><c>sql-soak</c>: the CI's differential test against SQLite with more databases and queries (default 1,000 x 100).</summary>
internal static class SqlSoak
{
    public static int Run(BenchArguments arguments)
    {
        var databases = arguments.Int("databases", 1000);
        var queries = arguments.Int("queries", 100);
        var seed = arguments.Int("seed", Environment.TickCount);
        var report = DifferentialRunner.Run(seed, databases, queries);
        Console.WriteLine($"seed {seed}: {report.Queries:N0} queries, {report.NonEmptyResults:N0} with rows, {report.RowsCompared:N0} rows compared, {report.Mismatches.Count} mismatches");
        foreach (var mismatch in report.Mismatches.Take(20))
        {
            Console.WriteLine(mismatch);
        }

        return report.Mismatches.Count == 0 ? 0 : 1;
    }
}
