namespace Store.Engine.Tests;

/// <summary>
/// Issue 15, part 2: ORDER BY a distance returns only rows whose distance is defined (a NULL
/// vector, and a zero vector under cosine, have none), with or without LIMIT and with or
/// without an index: pgvector's own regression cases (hnsw_vector.sql, ivfflat_vector.sql).
/// </summary>
public class UndefinedDistanceTests
{
    [Theory]
    [InlineData("")]
    [InlineData("CREATE INDEX t_val ON t USING hnsw (val) WITH (metric = '{0}')")]
    [InlineData("CREATE INDEX t_val ON t USING ivf (val) WITH (metric = '{0}', lists = 2)")]
    public void Rows_without_a_distance_are_left_out_with_or_without_limit(string index)
    {
        foreach (var (op, metric, expected) in new[] { ("<->", "l2", new[] { "2", "5", "3", "1" }), ("<=>", "cosine", ["3", "2", "5"]) })
        {
            using var db = new SqlRunner();
            db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, val VECTOR(3))");
            db.Run("INSERT INTO t VALUES (1, '[0,0,0]'), (2, '[1,2,3]'), (3, '[1,1,1]'), (4, NULL)");
            if (index.Length > 0)
            {
                db.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, index, metric));
            }

            db.Run("INSERT INTO t VALUES (5, '[1,2,4]')");
            Assert.Equal(expected, db.Lines($"SELECT id FROM t ORDER BY val {op} '[3,3,3]'"));
            Assert.Equal(expected, db.Lines($"SELECT id FROM t ORDER BY val {op} '[3,3,3]' LIMIT 10"));
            Assert.Equal(expected, db.Lines($"SELECT id, val {op} '[3,3,3]' AS d FROM t ORDER BY d").Select(l => l.Split('|')[0]));
        }
    }

    [Fact]
    public void A_zero_vector_s_cosine_distance_is_null_as_a_value_and_sorts_with_the_nulls_when_descending()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, val VECTOR(2)); INSERT INTO t VALUES (1, '[0,0]'), (2, '[1,0]')");
        Assert.Equal(["1|NULL", "2|1.0"], db.Lines("SELECT id, val <=> '[0,1]' FROM t ORDER BY id"));
        Assert.Equal(["NULL"], db.Lines("SELECT cosine_distance('[0,0]', '[0,1]')"));
        Assert.Equal(["2", "1"], db.Lines("SELECT id FROM t ORDER BY val <=> '[0,1]' DESC"));
    }
}
