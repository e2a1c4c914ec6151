using Store.Core.Errors;
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

        Assert.Equal(["3|4", "1|3", "4|2", "2|1"], ranked);
    }

    [Fact]
    public void Sparse_embed_fills_a_sparse_column_that_sparse_dot_then_searches()
    {
        _db.Run($"CREATE MODEL splade FROM '{_directory.File("sparse.onnx")}' WITH (kind = 'sparse')");
        Assert.Equal(Bodies.Length, _db.Run("UPDATE docs SET terms = sparse_embed('splade', body)"));

        var definition = ModelDefinition.FromOptions("splade", _directory.File("sparse.onnx"), [new("kind", "sparse")]);
        var vectors = ModelHost.For(InferenceDevice.Cpu).Sparse(definition).Encode(Bodies);
        foreach (var row in _db.Query("SELECT id, terms FROM docs"))
        {
            Assert.Equal(vectors[row[0].AsInteger - 1], row[1].AsSparse);
        }

        var best = _db.Scalar("SELECT id FROM docs ORDER BY sparse_dot(terms, sparse_embed('splade', 'sweet cherry')) DESC LIMIT 1");
        Assert.Equal(4, best.AsInteger);
    }

    [Fact]
    public void Rerank_with_a_late_interaction_model_scores_by_maxsim()
    {
        _db.Run($"CREATE MODEL colbert FROM '{_directory.File("tokens.onnx")}' WITH (kind = 'late_interaction')");

        var ranked = _db.Lines("SELECT id, round(rerank('colbert', 'red cherry', body), 3) AS score FROM docs ORDER BY score DESC, id");

        Assert.Equal(["4|1", "1|0.5", "2|0", "3|0"], ranked);
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
}
