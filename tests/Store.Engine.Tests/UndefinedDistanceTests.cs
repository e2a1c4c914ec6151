using Store.Core.Errors;

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

    [Fact]
    public void Vectors_whose_distances_would_overflow_float32_are_refused_not_ranked_as_infinity()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE t (id INTEGER PRIMARY KEY, val VECTOR(2))");
        db.Run("INSERT INTO t VALUES (1, '[3e18, 0]'), (2, '[-3e18, 0]')");
        Assert.Equal(6e18, db.Scalar("SELECT val <-> '[-3e18, 0]' FROM t WHERE id = 1").AsReal, 6e18 * 1e-6);

        foreach (var op in new[] { "<->", "<#>", "<=>" })
        {
            var error = Assert.Throws<StoreException>(() => db.Query($"SELECT id FROM t ORDER BY val {op} '[1e19, 1e19]' LIMIT 2"));
            Assert.Equal(ErrorCode.InvalidArgument, error.Code);
            Assert.Contains("vector is too long", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => db.Run("INSERT INTO t VALUES (3, '[1e19, 0]')")).Code);
        Assert.Equal(["2"], db.Lines("SELECT count(*) FROM t"));
    }
}
