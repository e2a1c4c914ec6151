using System.Globalization;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Engine.Tests;

public class VectorSearchTests
{
    private const int Dimensions = 16;

    [Theory]
    [InlineData("<->", 1)]
    [InlineData("<#>", 2)]
    [InlineData("<=>", 3)]
    public void Exact_knn_equals_brute_force_with_ties_broken_by_rowid(string op, int seed)
    {
        var random = new Random(seed);
        using var db = new SqlRunner();
        db.Run($"CREATE TABLE items (id INTEGER PRIMARY KEY, emb VECTOR({Dimensions}), tag INTEGER)");
        var vectors = new Dictionary<long, float[]?>();
        for (var id = 1; id <= 600; id++)
        {
            // Coarse values make exact ties common; some rows have no vector, some a zero vector.
            float[]? vector = random.Next(20) == 0 ? null : random.Next(25) == 0 ? new float[Dimensions]
                : Enumerable.Range(0, Dimensions).Select(_ => (float)random.Next(-2, 3)).ToArray();
            vectors[id] = vector;
            var parameters = new StatementParameters().Add("id", DbValue.FromInteger(id)).Add("emb", vector is null ? DbValue.Null : DbValue.FromVector(vector)).Add("tag", DbValue.FromInteger(id % 4));
            db.Run("INSERT INTO items VALUES (:id, :emb, :tag)", parameters);
        }

        for (var q = 0; q < 20; q++)
        {
            var query = Enumerable.Range(0, Dimensions).Select(_ => (float)random.Next(-2, 3)).ToArray();
            var k = random.Next(1, 40);
            var expected = vectors.Where(v => v.Value is not null && v.Key % 4 != 0)
                .Select(v => (Id: v.Key, Distance: Distance(op, v.Value!, query)))
                .Where(v => !double.IsNaN(v.Distance))
                .OrderBy(v => v.Distance).ThenBy(v => v.Id).Take(k).Select(v => v.Id).ToList();
            var literal = "[" + string.Join(",", query.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]";
            // The nearest-neighbour scan (one distance key) and the general top-k (a second key) must agree.
            var scan = db.Query($"SELECT id FROM items WHERE tag <> 0 ORDER BY emb {op} '{literal}' LIMIT {k}").Select(r => r[0].AsInteger).ToList();
            var topK = db.Query($"SELECT id FROM items WHERE tag <> 0 ORDER BY emb {op} '{literal}', id LIMIT {k}").Select(r => r[0].AsInteger).ToList();
            Assert.Equal(expected, scan);
            Assert.Equal(expected, topK);
        }

        var ones = "[" + string.Join(",", Enumerable.Repeat("1", Dimensions)) + "]";
        Assert.Contains(db.Lines($"EXPLAIN SELECT id FROM items WHERE tag = 1 ORDER BY emb {op} '{ones}' LIMIT 5"),
            l => l.Contains("exact nearest-neighbour scan of table items", StringComparison.Ordinal));
        Assert.Contains(db.Lines($"EXPLAIN SELECT id FROM items ORDER BY emb {op} '{ones}', id LIMIT 5"),
            l => l.Contains("exact nearest-neighbour top-k", StringComparison.Ordinal));
    }

    [Fact]
    public void Nearest_neighbour_scan_handles_offset_aliases_functions_and_empty_tables()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE v (id INTEGER PRIMARY KEY, emb VECTOR(2), note TEXT)");
        Assert.Empty(db.Lines("SELECT id FROM v ORDER BY emb <-> '[0, 0]' LIMIT 3"));
        db.Run("INSERT INTO v VALUES (1, '[1, 0]', 'a'), (2, '[2, 0]', 'b'), (3, '[3, 0]', 'c'), (4, NULL, 'd'), (5, '[0.5, 0]', 'e')");
        Assert.Equal(["1|a", "2|b"], db.Lines("SELECT id, note FROM v ORDER BY l2_distance(emb, '[0, 0]') LIMIT 2 OFFSET 1"));
        Assert.Equal(["5|0.5", "1|1.0"], db.Lines("SELECT id, emb <-> :q AS d FROM v ORDER BY d LIMIT 2", new StatementParameters().Add("q", Core.Values.DbValue.FromVector([0f, 0f]))));
        Assert.Equal(["5", "1", "2", "3"], db.Lines("SELECT id FROM v ORDER BY emb <-> '[0, 0]' LIMIT -1"));
        Assert.True(db.Query("SELECT id FROM v ORDER BY emb <-> NULL LIMIT 2").Count == 0);
        Assert.Equal(Core.Errors.ErrorCode.InvalidArgument, Assert.Throws<Core.Errors.StoreException>(() => db.Query("SELECT id FROM v ORDER BY emb <-> '[0, 0, 0]' LIMIT 2")).Code);
    }

    [Fact]
    public void Distance_functions_match_operators_and_kernels()
    {
        using var db = new SqlRunner();
        Assert.Equal(5.0, db.Scalar("SELECT l2_distance('[0,0]', '[3,4]')").AsReal, 6);
        Assert.Equal(5.0, db.Scalar("SELECT '[0,0]' <-> '[3,4]'").AsReal, 6);
        Assert.Equal(-11.0, db.Scalar("SELECT '[1,2]' <#> '[3,4]'").AsReal, 6);
        Assert.Equal(11.0, db.Scalar("SELECT inner_product('[1,2]', '[3,4]')").AsReal, 6);
        Assert.Equal(1.0, db.Scalar("SELECT cosine_distance('[1,0]', '[0,1]')").AsReal, 6);
        Assert.True(db.Scalar("SELECT '[0,0]' <=> '[0,1]'").IsNull);
        Assert.Equal(3, db.Scalar("SELECT vector_dims('[1,2,3]')").AsInteger);
        Assert.Equal(1.5, db.Scalar("SELECT inner_product('{1:0.5, 7:1}', '{7:1, 9:4}') + 0.5").AsReal, 6);
    }

    [Fact]
    public void Vector_columns_check_dimensions_and_values()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE v (id INTEGER PRIMARY KEY, emb VECTOR(3), s SPARSE)");
        db.Run("INSERT INTO v VALUES (1, '[1, 2, 3]', '{5:1.5, 2:0.5}')");
        Assert.Equal(["1|[1, 2, 3]|{2:0.5, 5:1.5}"], db.Lines("SELECT * FROM v"));
        var wrong = Assert.Throws<Core.Errors.StoreException>(() => db.Run("INSERT INTO v VALUES (2, '[1, 2]', NULL)"));
        Assert.Contains("2 dimensions, expected 3", wrong.Message, StringComparison.Ordinal);
        var malformed = Assert.Throws<Core.Errors.StoreException>(() => db.Run("INSERT INTO v VALUES (3, '[1, x, 3]', NULL)"));
        Assert.Equal("22P02", malformed.SqlState);
        var duplicate = Assert.Throws<Core.Errors.StoreException>(() => db.Run("INSERT INTO v VALUES (4, NULL, '{1:1, 1:2}')"));
        Assert.Equal("22P02", duplicate.SqlState);
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM v").AsInteger);
    }

    private static double Distance(string op, float[] a, float[] b) => op switch
    {
        "<->" => Math.Sqrt(VectorDistance.L2Squared(a, b)),
        "<#>" => -VectorDistance.Dot(a, b),
        _ => VectorDistance.Cosine(a, b),
    };
}
