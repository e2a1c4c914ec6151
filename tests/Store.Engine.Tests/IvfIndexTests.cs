using Store.Core.Errors;
using Store.Core.Vectors;
using Store.Testing;
using Store.Testing.Vectors;
using static Store.Engine.Tests.VectorTestTable;

namespace Store.Engine.Tests;

public class IvfIndexTests
{
    private const int K = 10;

    /// <summary>
    /// Inner product probes lists by the query's dot with their centroids, which says less about
    /// where the largest products lie than distance does about the nearest points (recall 0.91
    /// at 6 of 20 lists here), so it is tested with more probes; the bound is the same.
    /// </summary>
    [Theory]
    [InlineData("flat", "l2", "<->", VectorMetric.L2, 6)]
    [InlineData("flat", "cosine", "<=>", VectorMetric.Cosine, 6)]
    [InlineData("flat", "ip", "<#>", VectorMetric.NegativeInnerProduct, 10)]
    [InlineData("sq8", "l2", "<->", VectorMetric.L2, 6)]
    [InlineData("pq", "l2", "<->", VectorMetric.L2, 6)]
    [InlineData("pq", "cosine", "<=>", VectorMetric.Cosine, 6)]
    public void Index_answers_knn_with_recall_against_exact_search(string quantizer, string metric, string op, VectorMetric kind, int probes)
    {
        using var db = new SqlRunner();
        var vectors = Load(db, seed: 21);
        var rerank = quantizer == "flat" ? "" : ", rerank = 50";
        db.Run($"CREATE INDEX items_ivf ON items USING ivf (emb) WITH (metric = '{metric}', lists = 20, quantizer = '{quantizer}', pq_m = 8{rerank})");
        db.Run($"SET ivf.probes = {probes}");
        var queries = ClusteredVectors.Generate(40, Dimensions, seed: 22);
        Assert.Contains(db.Lines($"EXPLAIN SELECT id FROM items ORDER BY emb {op} '{Literal(queries[0])}' LIMIT 10"),
            l => l.Contains("ivf search of table items", StringComparison.Ordinal) && l.Contains($"(probes = {probes}", StringComparison.Ordinal));

        var recall = queries.Average(q =>
        {
            var found = Ids(db, $"SELECT id FROM items ORDER BY emb {op} '{Literal(q)}' LIMIT {K}");
            Assert.Equal(K, found.Count);
            return ClusteredVectors.Recall(found, ClusteredVectors.Nearest(vectors, q, kind, K).Select(i => (long)i + 1).ToList());
        });
        Assert.True(recall >= 0.95, $"recall@10 {recall:F3} with {quantizer}");
    }

    /// <summary>Codes give approximate distances: only flat lists, or re-ranking from the stored vectors, order rows as SQL does without reading them.</summary>
    [Theory]
    [InlineData("quantizer = 'flat'", true)]
    [InlineData("quantizer = 'pq', pq_m = 8, rerank = 20", true)]
    [InlineData("quantizer = 'pq', pq_m = 8", false)]
    [InlineData("quantizer = 'sq8'", false)]
    public void Only_exact_distances_answer_a_rowid_query_without_reading_rows(string options, bool indexOnly)
    {
        using var db = new SqlRunner();
        Load(db, seed: 25);
        db.Run($"CREATE INDEX items_ivf ON items USING ivf (emb) WITH (lists = 20, {options})");
        var query = ClusteredVectors.Generate(1, Dimensions, seed: 26)[0];
        var plan = db.Lines($"EXPLAIN SELECT id FROM items ORDER BY emb <-> '{Literal(query)}' LIMIT 10");
        Assert.Equal(indexOnly, plan.Any(l => l.Contains(", index only", StringComparison.Ordinal)));
        Assert.Equal(
            Ids(db, $"SELECT id, bucket FROM items ORDER BY emb <-> '{Literal(query)}' LIMIT 10"),
            Ids(db, $"SELECT id FROM items ORDER BY emb <-> '{Literal(query)}' LIMIT 10"));
    }

    [Theory]
    [InlineData("flat", "")]
    [InlineData("pq", ", rerank = 50")]
    public void A_search_whose_probed_lists_hold_fewer_than_k_rows_widens_to_k_rows(string quantizer, string rerank)
    {
        using var db = new SqlRunner();
        var vectors = Load(db, seed: 29, count: 400);
        db.Run($"CREATE INDEX items_ivf ON items USING ivf (emb) WITH (lists = 200, quantizer = '{quantizer}'{rerank})");
        db.Run("SET ivf.probes = 1");
        var found = Ids(db, $"SELECT id FROM items ORDER BY emb <-> '{Literal(vectors[0])}' LIMIT 30");
        Assert.Equal(30, found.Count);
        Assert.Equal(400, Ids(db, $"SELECT id FROM items ORDER BY emb <-> '{Literal(vectors[0])}' LIMIT 1000").Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public void Filtered_search_returns_k_rows_whenever_k_rows_match(int percent)
    {
        using var db = new SqlRunner();
        var vectors = Load(db, seed: 23);
        db.Run("CREATE INDEX items_ivf ON items USING ivf (emb) WITH (lists = 20)");
        db.Run("SET ivf.probes = 4");
        var queries = ClusteredVectors.Generate(20, Dimensions, seed: 24);
        var recall = FilteredRecall(db, vectors, queries, percent, K);
        Assert.True(recall >= 0.9, $"recall@10 with {percent}% of rows passing: {recall:F3}");
    }

    [Fact]
    public void A_large_allowed_set_from_an_index_is_searched_within_and_still_returns_k_rows()
    {
        using var db = new SqlRunner();
        var vectors = Load(db, seed: 28, count: 6000);
        db.Run("CREATE INDEX items_ivf ON items USING ivf (emb) WITH (lists = 30)");
        db.Run("CREATE INDEX items_bucket ON items (bucket)");
        db.Run("SET ivf.probes = 8");
        var queries = ClusteredVectors.Generate(20, Dimensions, seed: 29);

        // 45% of 6,000 rows pass: too many to rank exactly, few enough to hand into the search.
        var recall = FilteredRecall(db, vectors, queries, 45, K);
        Assert.True(recall >= 0.9, $"recall@10 through the allowed set: {recall:F3}");
    }

    [Theory]
    [InlineData("flat")]
    [InlineData("pq")]
    public void Index_survives_reopen_and_stays_in_step_with_writes(string quantizer)
    {
        using var directory = new TempDirectory();
        var path = directory.File("ivf.store");
        var query = ClusteredVectors.Generate(1, Dimensions, seed: 26)[0];
        List<long> before;
        using (var db = new SqlRunner(path))
        {
            Load(db, seed: 25);
            db.Run($"CREATE INDEX items_ivf ON items USING ivf (emb) WITH (lists = 16, quantizer = '{quantizer}', pq_m = 4, rerank = 40)");
            before = Ids(db, Nearest(query));
        }

        using (var db = new SqlRunner(path))
        {
            Assert.Contains(db.Lines($"EXPLAIN {Nearest(query)}"), l => l.Contains("using index items_ivf", StringComparison.Ordinal));
            Assert.Equal(before, Ids(db, Nearest(query)));
            db.Run($"DELETE FROM items WHERE id IN ({string.Join(", ", before.Take(3))})");
            db.Run($"UPDATE items SET emb = '{Literal(query)}' WHERE id = 1500");
            var after = Ids(db, Nearest(query));
            Assert.Equal(1500, after[0]);
            Assert.DoesNotContain(after, before.Take(3).Contains);
            Assert.Equal("ok", db.Scalar("PRAGMA integrity_check").AsText);
        }

        using (var reopened = new SqlRunner(path))
        {
            Assert.Equal(1500, Ids(reopened, Nearest(query))[0]);
        }
    }

    [Fact]
    public void An_index_made_on_an_empty_table_takes_its_first_vectors_as_centroids()
    {
        using var db = new SqlRunner();
        db.Run($"CREATE TABLE items (id INTEGER PRIMARY KEY, emb VECTOR({Dimensions}), bucket INTEGER)");
        db.Run("CREATE INDEX items_ivf ON items USING ivf (emb) WITH (lists = 8)");
        var vectors = ClusteredVectors.Generate(300, Dimensions, seed: 27);
        for (var i = 0; i < vectors.Length; i++)
        {
            db.Run($"INSERT INTO items VALUES ({i + 1}, '{Literal(vectors[i])}', 0)");
        }

        Assert.Equal(42, Ids(db, $"SELECT id FROM items ORDER BY emb <-> '{Literal(vectors[41])}' LIMIT 1")[0]);
        Assert.Equal("ok", db.Scalar("PRAGMA integrity_check").AsText);
        db.Run($"CREATE TABLE few (id INTEGER PRIMARY KEY, emb VECTOR({Dimensions})); INSERT INTO few VALUES (1, '{Literal(vectors[0])}')");
        var error = Assert.Throws<StoreException>(() => db.Run("CREATE INDEX few_pq ON few USING ivf (emb) WITH (quantizer = 'pq')"));
        Assert.Contains("at least 256 vectors", error.Message, StringComparison.Ordinal);
        Assert.Contains("pq_m must divide", Assert.Throws<StoreException>(() => db.Run("CREATE INDEX items_pq ON items USING ivf (emb) WITH (quantizer = 'pq', pq_m = 5)")).Message, StringComparison.Ordinal);
    }

    private static string Nearest(float[] query) => $"SELECT id FROM items ORDER BY emb <-> '{Literal(query)}' LIMIT {K}";
}
