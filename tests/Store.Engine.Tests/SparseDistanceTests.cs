using System.Globalization;
using Store.Core.Errors;

namespace Store.Engine.Tests;

/// <summary>
/// The distance operators between SPARSE values, as pgvector's sparsevec has them: <c>&lt;#&gt;</c>
/// (negative inner product, what learned-sparse retrieval orders by), <c>&lt;-&gt;</c> and
/// <c>&lt;=&gt;</c>; and <c>ORDER BY sv &lt;#&gt; q LIMIT k</c> by exact scan, the ground truth the
/// sparse index will be measured against.
/// </summary>
public class SparseDistanceTests
{
    [Fact]
    public void The_three_metrics_match_their_definitions()
    {
        using var db = new SqlRunner();
        Assert.Equal(-1.5, db.Scalar("SELECT CAST('{1:0.5, 7:1.5}' AS SPARSE) <#> '{7:1.0}'").AsReal, 6);
        Assert.Equal(Math.Sqrt(0.25 + 0.25), db.Scalar("SELECT '{1:0.5, 7:1.5}' <-> '{7:1.0}'").AsReal, 6);
        Assert.Equal(1 - (1.5 / Math.Sqrt(0.25 + 2.25)), db.Scalar("SELECT cosine_distance('{1:0.5, 7:1.5}', '{7:1.0}')").AsReal, 6);
        Assert.Equal(1.5, db.Scalar("SELECT inner_product('{1:0.5, 7:1.5}', '{7:1.0, 9:4}')").AsReal, 6);
        Assert.Equal(0.0, db.Scalar("SELECT '{1:1}' <#> '{2:1}'").AsReal);
        Assert.True(db.Scalar("SELECT '{}' <=> '{2:1}'").IsNull);
        Assert.True(db.Scalar("SELECT CAST(NULL AS SPARSE) <#> '{2:1}'").IsNull);
    }

    [Fact]
    public void A_sparse_and_a_dense_operand_are_a_type_error()
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE d (id INTEGER PRIMARY KEY, sv SPARSE, emb VECTOR(2))");
        db.Run("INSERT INTO d VALUES (1, '{1:1}', '[1,2]')");
        var error = Assert.Throws<StoreException>(() => db.Query("SELECT sv <#> emb FROM d"));
        Assert.Equal(ErrorCode.TypeMismatch, error.Code);
    }

    [Theory]
    [InlineData("<#>")]
    [InlineData("<->")]
    [InlineData("<=>")]
    public void Order_by_a_sparse_distance_with_limit_is_the_exact_top_k(string op)
    {
        using var db = new SqlRunner();
        db.Run("CREATE TABLE d (id INTEGER PRIMARY KEY, sv SPARSE)");
        var random = new Random(op.Length + op[1]);
        var rows = new Dictionary<long, Dictionary<uint, float>>();
        for (var id = 1; id <= 300; id++)
        {
            var vector = new Dictionary<uint, float>();
            for (var n = random.Next(0, 12); n > 0; n--)
            {
                vector[(uint)random.Next(0, 60)] = (float)Math.Round(random.NextDouble() * 3, 2);
            }

            rows[id] = vector;
            db.Run($"INSERT INTO d VALUES ({id}, {(id % 29 == 0 ? "NULL" : $"'{Literal(vector)}'")})");
        }

        var query = new Dictionary<uint, float> { [3] = 1.0f, [17] = 0.5f, [42] = 2.0f };
        var expected = rows.Where(r => r.Key % 29 != 0)
            .Select(r => (Id: r.Key, Distance: Distance(op, r.Value, query)))
            .Where(r => !double.IsNaN(r.Distance))
            .OrderBy(r => r.Distance).ThenBy(r => r.Id).Take(10).ToList();

        var found = db.Query($"SELECT id, sv {op} '{Literal(query)}' AS d FROM d ORDER BY d, id LIMIT 10");
        Assert.Equal(expected.Select(e => e.Id), found.Select(f => f[0].AsInteger));
        Assert.All(expected.Zip(found), pair => Assert.Equal(pair.First.Distance, pair.Second[1].AsReal, 5));
    }

    private static string Literal(Dictionary<uint, float> vector) =>
        "{" + string.Join(", ", vector.OrderBy(e => e.Key).Select(e => $"{e.Key}:{e.Value.ToString(CultureInfo.InvariantCulture)}")) + "}";

    private static double Distance(string op, Dictionary<uint, float> a, Dictionary<uint, float> b)
    {
        double Dot() => a.Where(e => b.ContainsKey(e.Key)).Sum(e => (double)e.Value * b[e.Key]);
        double Norm(Dictionary<uint, float> v) => Math.Sqrt(v.Values.Sum(w => (double)w * w));
        return op switch
        {
            "<#>" => -Dot(),
            "<->" => Math.Sqrt(a.Keys.Union(b.Keys).Sum(k => Math.Pow(a.GetValueOrDefault(k) - (double)b.GetValueOrDefault(k), 2))),
            _ => Norm(a) * Norm(b) is > 0 and var norms ? 1 - (Dot() / norms) : double.NaN,
        };
    }
}
