using Store.Core.Errors;
using Store.Core.Options;
using Store.Inference;
using Store.Inference.Models;
using Store.Testing;
using Store.Testing.Models;

namespace Store.Engine.Tests;

/// <summary>
/// Cross-encoder, sparse and late-interaction models registered with CREATE MODEL and called
/// from SQL, on the small test models of <see cref="TinyModels"/>, whose scores are known.
/// </summary>
public sealed class ModelKindSqlTests : IDisposable
{
    private static readonly string[] Bodies = ["red apple pie", "green banana", "apple apple apple", "the sweet red cherry"];

    private readonly TempDirectory _directory = new();
    private readonly SqlRunner _db = new(options: new DatabaseOptions { Device = InferenceDevice.Cpu });

    public ModelKindSqlTests()
    {
        TinyModels.WriteTo(_directory.Path);
        _db.Run("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, terms SPARSE)");
        _db.Run("INSERT INTO docs (id, body) VALUES " + string.Join(", ", Bodies.Select((b, i) => $"({i + 1}, '{b}')")));
    }

    public void Dispose()
    {
        _db.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void Rerank_with_a_cross_encoder_orders_rows_by_the_model_s_score_of_each_pair()
    {
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder')");

        var ranked = _db.Lines("SELECT id, rerank('ce', 'red apple', body) AS score FROM docs ORDER BY score DESC, id");

        Assert.Equal(["3|4.0", "1|3.0", "4|2.0", "2|1.0"], ranked);
    }

    [Fact]
    public void Sparse_embed_fills_a_sparse_column_that_negative_inner_product_then_searches()
    {
        _db.Run($"CREATE MODEL splade FROM '{_directory.File("sparse.onnx")}' WITH (kind = 'sparse')");
        Assert.Equal(Bodies.Length, _db.Run("UPDATE docs SET terms = sparse_embed('splade', body)"));

        var definition = ModelDefinition.FromOptions("splade", _directory.File("sparse.onnx"), [new("kind", "sparse")]);
        var vectors = ModelHost.For(InferenceDevice.Cpu).Sparse(definition).Encode(Bodies);
        foreach (var row in _db.Query("SELECT id, terms FROM docs"))
        {
            Assert.Equal(vectors[row[0].AsInteger - 1], row[1].AsSparse);
        }

        var best = _db.Scalar("SELECT id FROM docs ORDER BY terms <#> sparse_embed('splade', 'sweet cherry') LIMIT 1");
        Assert.Equal(4, best.AsInteger);
    }

    [Fact]
    public void Rerank_with_a_late_interaction_model_scores_by_maxsim()
    {
        _db.Run($"CREATE MODEL colbert FROM '{_directory.File("tokens.onnx")}' WITH (kind = 'late_interaction')");

        var ranked = _db.Lines("SELECT id, round(rerank('colbert', 'red cherry', body), 3) AS score FROM docs ORDER BY score DESC, id");

        Assert.Equal(["4|1.0", "1|0.5", "2|0.0", "3|0.0"], ranked);
    }

    [Fact]
    public void Show_models_gives_each_registered_model_its_kind()
    {
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder')");
        _db.Run($"CREATE MODEL splade FROM '{_directory.File("sparse.onnx")}' WITH (kind = 'sparse', top_k = 64)");

        var lines = _db.Lines("SHOW MODELS");

        Assert.Contains(lines, l => l.StartsWith("ce|cross_encoder|NULL|", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("splade|sparse|NULL|", StringComparison.Ordinal) && l.Contains("top_k = '64'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT embed('ce', 'red apple')", "embed() and embed_query() cannot run model 'ce': it is a cross_encoder model")]
    [InlineData("SELECT sparse_embed('ce', 'red apple')", "sparse_embed() cannot run model 'ce'")]
    [InlineData("SELECT sparse_embed('arctic', 'red apple')", "it is a dense model, not a sparse one")]
    [InlineData("SELECT rerank('ce.cosine', 'red', 'apple')", "rerank() takes it by name alone")]
    public void A_model_called_by_a_function_of_another_kind_is_a_typed_error(string sql, string message)
    {
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder')");

        var error = Assert.Throws<StoreException>(() => _db.Query(sql));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rerank_in_from_scores_a_subquery_s_rows_by_their_last_column_in_one_call()
    {
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder')");

        var ranked = _db.Lines("SELECT r.id, r.score FROM rerank('ce', :q, (SELECT id, body FROM docs WHERE id <> 2)) AS r",
            new StatementParameters().Add("q", Core.Values.DbValue.FromText("red apple")));

        Assert.Equal(["3|4.0", "1|3.0", "4|2.0"], ranked);
    }

    [Fact]
    public void Rerank_in_from_returns_the_subquery_s_columns_and_a_score_best_first_with_a_null_text_last()
    {
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder')");
        _db.Run("INSERT INTO docs (id, body) VALUES (5, NULL), (6, 'apple red')");

        var rows = _db.Lines("SELECT * FROM rerank('ce', 'red apple', (SELECT id, length(body) AS size, body FROM docs ORDER BY id DESC))");

        // 6 and 1 tie at 3 and keep the subquery's order (descending id).
        Assert.Equal(["3|17|apple apple apple|4.0", "6|9|apple red|3.0", "1|13|red apple pie|3.0", "4|20|the sweet red cherry|2.0", "2|12|green banana|1.0", "5|NULL|NULL|NULL"], rows);
        Assert.Equal(["3"], _db.Lines("SELECT id FROM rerank('ce', 'red apple', (SELECT id, body FROM docs)) LIMIT 1"));
        Assert.Contains(_db.Lines("EXPLAIN SELECT * FROM rerank('ce', 'red apple', (SELECT id, body FROM docs))"), l => l.Contains("rerank with", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SELECT * FROM rerank('ce', 'q', (SELECT id FROM docs))", ErrorCode.TypeMismatch, "must be TEXT")]
    [InlineData("SELECT * FROM rerank('ce', body, (SELECT body FROM docs))", ErrorCode.NotFound, "body")]
    [InlineData("SELECT * FROM rerank('ce', 'a', 'b', (SELECT body FROM docs))", ErrorCode.InvalidArgument, "takes a query, or a model and a query")]
    public void Rerank_in_from_refuses_a_subquery_without_text_and_a_query_that_reads_columns(string sql, ErrorCode code, string message)
    {
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder')");

        var error = Assert.Throws<StoreException>(() => _db.Query(sql));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_analyze_runs_a_query_and_reports_its_rows_the_rows_models_ran_over_and_the_inputs_cut()
    {
        // 8 tokens leave 5 for the words of a pair: 'red apple' with 'the sweet red cherry' is cut.
        _db.Run($"CREATE MODEL ce FROM '{_directory.File("cross_encoder.onnx")}' WITH (kind = 'cross_encoder', max_length = 8)");
        _db.Run("INSERT INTO docs (id, body) VALUES (5, NULL)");

        foreach (var sql in new[]
        {
            "EXPLAIN ANALYZE SELECT id FROM docs ORDER BY rerank('ce', 'red apple', body) DESC",
            "EXPLAIN ANALYZE SELECT id FROM rerank('ce', 'red apple', (SELECT id, body FROM docs))",
        })
        {
            var lines = _db.Lines(sql);
            Assert.Contains("rows: 5", lines);
            Assert.Contains(lines, l => l.StartsWith("model rows: ", StringComparison.Ordinal));
            Assert.Contains("truncated inputs: 1 (cut at the model's max_length)", lines);
            Assert.Contains(lines, l => l.StartsWith("time: ", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
        }

        // The table function counts only the texts it scored; the row batches of ORDER BY count every row they carried.
        Assert.Contains("model rows: 4", _db.Lines("EXPLAIN ANALYZE SELECT id FROM rerank('ce', 'red apple', (SELECT id, body FROM docs))"));
        var plain = _db.Lines("EXPLAIN ANALYZE SELECT id FROM docs WHERE id > 1");
        Assert.Contains("rows: 4", plain);
        Assert.DoesNotContain(plain, l => l.StartsWith("model rows", StringComparison.Ordinal));
        Assert.Equal(ErrorCode.NotSupported, Assert.Throws<StoreException>(() => _db.Query("EXPLAIN ANALYZE DELETE FROM docs")).Code);
        Assert.Equal(5, _db.Scalar("SELECT count(*) FROM docs").AsInteger);
    }

    [Fact]
    public void A_table_named_rerank_still_reads_as_a_table_and_an_error_inside_the_call_is_reported_where_it_is()
    {
        _db.Run("CREATE TABLE rerank (id INTEGER PRIMARY KEY, body TEXT)");
        _db.Run("INSERT INTO rerank (id, body) VALUES (1, 'a')");

        Assert.Equal(["1"], _db.Lines("SELECT r.id FROM rerank r JOIN docs d ON d.id = r.id"));
        var error = Assert.Throws<StoreException>(() => _db.Query("SELECT * FROM rerank('q', (SELECT id body, FROM docs))"));
        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Contains("column 44", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparse_embed_needs_its_model_named_because_no_built_in_model_is_sparse()
    {
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => _db.Query("SELECT sparse_embed('red apple')")).Code);
    }
}
