using System.Globalization;
using Store.Testing;

namespace Store.Engine.Tests;

/// <summary>
/// Issue 15, part 1: a nearest-neighbour query through an HNSW index returns min(k, rows with a
/// distance) rows whatever the graph's state: after its entry point is deleted, after the
/// table is emptied and filled again, and through any interleaving of inserts, updates and deletes.
/// </summary>
public class HnswReachabilityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_row_inserted_after_the_only_row_was_deleted_is_found(bool onFile)
    {
        using var dir = new TempDirectory();
        using var db = onFile ? new SqlRunner(dir.File("v.store")) : new SqlRunner();
        db.Run("CREATE TABLE v (id INTEGER PRIMARY KEY, emb VECTOR(4))");
        db.Run("CREATE INDEX vh ON v USING hnsw (emb)");
        db.Run("INSERT INTO v VALUES (1, '[1,1,1,1]')");
        db.Run("DELETE FROM v WHERE id = 1");
        db.Run("INSERT INTO v VALUES (2, '[2,2,2,2]')");

        Assert.Equal(["2"], db.Lines("SELECT id FROM v ORDER BY emb <-> '[2,2,2,2]' LIMIT 1"));
        Assert.Equal(["ok"], db.Lines("PRAGMA integrity_check"));
    }

    [Fact]
    public void A_table_emptied_by_delete_and_filled_again_is_searched_in_full()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE v (id INTEGER PRIMARY KEY, emb VECTOR(8))");
        db.Run("CREATE INDEX vh ON v USING hnsw (emb) WITH (metric = 'cosine')");
        Insert(db, 1, 300, seed: 1);
        db.Run("DELETE FROM v");
        Insert(db, 1001, 1000, seed: 2);

        Assert.Equal(10, db.Lines("SELECT id FROM v ORDER BY emb <=> '[1,0,0,0,0,0,0,0]' LIMIT 10").Count);
        Assert.Equal(1000, db.Lines("SELECT id FROM v ORDER BY emb <=> '[1,0,0,0,0,0,0,0]' LIMIT 5000").Count);
    }

    [Theory]
    [InlineData(4, 40, 300, 11)]
    [InlineData(16, 400, 600, 12)]
    public void Any_interleaving_of_inserts_updates_and_deletes_leaves_every_row_findable(int m, int maxRows, int steps, int seed)
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE v (id INTEGER PRIMARY KEY, emb VECTOR(4))");
        db.Run($"CREATE INDEX vh ON v USING hnsw (emb) WITH (m = {m}, ef_construction = 16)");
        db.Run("SET hnsw.ef_search = 4");
        var random = new Random(seed);
        var live = new HashSet<long>();
        var nextId = 1L;
        for (var step = 0; step < steps; step++)
        {
            var roll = random.Next(100);
            if (roll < 2)
            {
                db.Run("DELETE FROM v");
                live.Clear();
            }
            else if (roll < 55 && live.Count < maxRows)
            {
                db.Run($"INSERT INTO v VALUES ({nextId}, '{Vector(random)}')");
                live.Add(nextId++);
            }
            else if (roll < 75 && live.Count > 0)
            {
                db.Run($"UPDATE v SET emb = '{Vector(random)}' WHERE id = {live.ElementAt(random.Next(live.Count))}");
            }
            else if (live.Count > 0)
            {
                var id = live.ElementAt(random.Next(live.Count));
                db.Run($"DELETE FROM v WHERE id = {id}");
                live.Remove(id);
            }

            var query = Vector(random);
            var all = db.Lines($"SELECT id FROM v ORDER BY emb <-> '{query}' LIMIT {live.Count + 5}").Select(long.Parse).ToHashSet();
            Assert.True(all.SetEquals(live), $"step {step}: {all.Count} of {live.Count} rows found with LIMIT n >= rows");
            Assert.Equal(Math.Min(3, live.Count), db.Lines($"SELECT id FROM v ORDER BY emb <-> '{query}' LIMIT 3").Count);
        }
    }

    private static void Insert(SqlRunner db, long first, int count, int seed)
    {
        var random = new Random(seed);
        db.Run("BEGIN");
        for (var i = 0; i < count; i++)
        {
            db.Run($"INSERT INTO v VALUES ({first + i}, '[{string.Join(", ", Enumerable.Range(0, 8).Select(_ => (random.NextDouble() - 0.5).ToString("R", CultureInfo.InvariantCulture)))}]')");
        }

        db.Run("COMMIT");
    }

    private static string Vector(Random random) =>
        $"[{string.Join(", ", Enumerable.Range(0, 4).Select(_ => random.Next(-3, 4).ToString(CultureInfo.InvariantCulture)))}]";
}
