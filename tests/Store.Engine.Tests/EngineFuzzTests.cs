using Store.Core.Errors;
using Store.Testing.Fuzzing;

namespace Store.Engine.Tests;

public class EngineFuzzTests
{
    /// <summary>Mutated statements run against a real database: each either works or fails with a StoreException, and the database stays sound.</summary>
    [Fact]
    public async Task Execute_of_mutated_sql_succeeds_or_throws_a_store_exception()
    {
        using var db = new SqlRunner();
        db.Run("""
            CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, year INTEGER, score REAL, emb VECTOR(3));
            CREATE TABLE notes (doc INTEGER, note TEXT);
            INSERT INTO docs VALUES (1, 'a', 2019, 0.5, '[1,0,0]'), (2, 'b', NULL, 1.5, NULL), (3, 'c', 2001, NULL, '[0,1,0]');
            INSERT INTO notes VALUES (1, 'x'), (3, 'y');
            """);
        var mutator = new SqlMutator(new Random(7));
        var parameters = new StatementParameters().Add("id", Core.Values.DbValue.FromInteger(1)).Add("p", Core.Values.DbValue.FromInteger(2))
            .Add("q", Core.Values.DbValue.FromText("t")).Add("t", Core.Values.DbValue.FromText("a")).Add(Core.Values.DbValue.FromInteger(3));
        var succeeded = 0;
        var run = Task.Run(() =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                var sql = mutator.Next();
                try
                {
                    db.Query(sql, parameters);
                    succeeded++;
                }
                catch (StoreException)
                {
                }
                catch (Exception other)
                {
                    Assert.Fail($"{sql}\n{other}");
                }
            }
        });

        // A timeout here (TimeoutException) means a statement hung.
        await run.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(succeeded > 100, $"only {succeeded} statements ran");
        if (db.Session.InTransaction)
        {
            db.Run("ROLLBACK");
        }

        Assert.Equal(["ok"], db.Lines("PRAGMA integrity_check"));
    }
}
