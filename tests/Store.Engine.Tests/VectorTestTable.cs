using System.Globalization;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Testing.Vectors;

namespace Store.Engine.Tests;

/// <summary>
/// The table the vector index tests search: <c>items (id, emb VECTOR(16), bucket)</c> filled
/// with clustered vectors, ids from 1, and a filter column that scatters ids over 0-99.
/// </summary>
internal static class VectorTestTable
{
    public const int Count = 2000;
    public const int Dimensions = 16;

    /// <summary>The filter column: a row's id scattered over 0-99.</summary>
    public static long Bucket(long id) => id * 37 % 100;

    public static float[][] Load(SqlRunner db, int seed, int count = Count)
    {
        var vectors = ClusteredVectors.Generate(count, Dimensions, seed);
        db.Run($"CREATE TABLE items (id INTEGER PRIMARY KEY, emb VECTOR({Dimensions}), bucket INTEGER)");
        db.Run("BEGIN");
        for (var i = 0; i < vectors.Length; i++)
        {
            db.Run("INSERT INTO items VALUES (:id, :emb, :bucket)", new StatementParameters()
                .Add("id", DbValue.FromInteger(i + 1)).Add("emb", DbValue.FromVector(vectors[i])).Add("bucket", DbValue.FromInteger(Bucket(i + 1))));
        }

        db.Run("COMMIT");
        return vectors;
    }

    public static List<long> Ids(SqlRunner db, string sql) => db.Query(sql).Select(r => r[0].AsInteger).ToList();

    public static string Literal(float[] vector) => "[" + string.Join(",", vector.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";

    /// <summary>
    /// Mean recall@k of <c>WHERE bucket &lt; percent</c> nearest-neighbour queries against the
    /// exact filtered answer, checking on the way that each returns as many rows as match (up
    /// to k) and only rows that pass.
    /// </summary>
    public static double FilteredRecall(SqlRunner db, float[][] vectors, float[][] queries, int percent, int k) => queries.Average(q =>
    {
        var found = Ids(db, $"SELECT id FROM items WHERE bucket < {percent} ORDER BY emb <-> '{Literal(q)}' LIMIT {k}");
        var expected = ClusteredVectors.Nearest(vectors, q, VectorMetric.L2, k, i => Bucket(i + 1) < percent).Select(i => (long)i + 1).ToList();
        Assert.Equal(expected.Count, found.Count);
        Assert.All(found, id => Assert.True(Bucket(id) < percent));
        return ClusteredVectors.Recall(found, expected);
    });
}
