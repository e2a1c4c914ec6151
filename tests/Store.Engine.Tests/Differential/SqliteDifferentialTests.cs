using Store.Testing.Differential;

namespace Store.Engine.Tests.Differential;

public class SqliteDifferentialTests
{
    /// <summary>40 random databases of 60 queries: 2,400 queries per CI run, each answered by SQLite and by Store.</summary>
    [Fact]
    public void Random_queries_match_sqlite()
    {
        var report = DifferentialRunner.Run(seed: 20261128, databases: 40, queriesEach: 60);
        Assert.True(report.Mismatches.Count == 0, $"{report.Mismatches.Count} of {report.Queries} queries differ from SQLite:\n" + string.Join("\n", report.Mismatches.Take(15)));
        Assert.Equal(2400, report.Queries);
        Assert.True(report.NonEmptyResults > report.Queries / 2, $"only {report.NonEmptyResults} of {report.Queries} queries returned rows");
        Assert.True(report.RowsCompared > 10_000, $"only {report.RowsCompared} rows compared");
    }
}
