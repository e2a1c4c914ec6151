using Store.Core.Errors;
using Store.Core.Options;
using Store.Inference.Models;
using Store.Testing;
using Store.Testing.Models;

namespace Store.Inference.Tests;

/// <summary>
/// The cross-encoder, sparse and late-interaction kinds, run on small ONNX models the tests
/// write themselves (<see cref="TinyModels"/>) with the inputs and outputs of real ones, so
/// every score and weight is known in advance.
/// </summary>
public sealed class ModelKindTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ModelHost _host = ModelHost.For(InferenceDevice.Cpu);

    public ModelKindTests() => TinyModels.WriteTo(_directory.Path);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_cross_encoder_reads_query_and_text_as_one_pair_with_token_types()
    {
        var reranker = _host.Reranker(Define("cross_encoder.onnx", "cross_encoder"));

        // 1 for the [SEP] on each side, plus the shared words counted with multiplicity.
        var scores = reranker.Score("red apple", ["red apple pie", "green banana", "apple apple apple", "the sweet red cherry"]);

        Assert.Equal([3.0, 1.0, 4.0, 2.0], scores);
    }

    [Fact]
    public void A_cross_encoder_pair_longer_than_max_length_loses_tokens_from_its_longer_side_first()
    {
        var reranker = _host.Reranker(Define("cross_encoder.onnx", "cross_encoder", ("max_length", "8")));

        // 8 tokens leave 5 for the words: the query keeps its 2, the text 3 of its 6 apples.
        var scores = reranker.Score("red apple", ["apple apple apple apple apple apple", "red apple"]);

        Assert.Equal([4.0, 3.0], scores);
        Assert.Equal(1, ((Reranking.CrossEncoderReranker)reranker).TruncatedInputs);
    }

    [Fact]
    public void A_cross_encoder_pair_cuts_the_query_when_it_is_the_longer_side_and_the_text_on_a_tie()
    {
        var reranker = _host.Reranker(Define("cross_encoder.onnx", "cross_encoder", ("max_length", "6")));

        // 6 tokens leave 3 for the words. The query is cut to 'red apple', keeping the text's
        // 'apple' (cutting the text first would score 1); on a tie the text loses its last word
        // (cutting the query would leave 'red' against 'apple pie' and score 1).
        var scores = reranker.Score("red apple pie green", ["apple"]).Concat(reranker.Score("red apple", ["apple pie"]));

        Assert.Equal([2.0, 2.0], scores);
    }

    [Fact]
    public void A_sparse_encoder_max_pools_log_of_one_plus_relu_over_real_tokens_only()
    {
        var encoder = _host.Sparse(Define("sparse.onnx", "sparse"));

        // Batched together, so the shorter text is padded with [PAD], whose large logit must not count.
        var vectors = encoder.Encode(["red apple", "the sweet red cherry pie"]);

        Assert.Equal(Expected("[CLS]", "[SEP]", "red", "apple"), vectors[0]);
        Assert.Equal(Expected("[CLS]", "[SEP]", "the", "sweet", "red", "cherry", "pie"), vectors[1]);
    }

    [Fact]
    public void A_sparse_encoder_keeps_only_the_top_k_heaviest_terms()
    {
        var encoder = _host.Sparse(Define("sparse.onnx", "sparse", ("top_k", "2")));

        var vector = encoder.Encode(["the sweet red cherry pie"])[0];

        var weights = new[] { "[CLS]", "[SEP]", "the", "sweet", "red", "cherry", "pie" }
            .Select(TinyModels.Id).Select(id => MathF.Log(1 + TinyModels.SparseLogit(id, id))).OrderDescending().ToArray();
        Assert.Equal(2, vector.Count);
        Assert.Equal(weights[..2], vector.Weights.ToArray().OrderDescending());
    }

    [Fact]
    public void A_late_interaction_model_scores_by_maxsim_over_its_token_vectors()
    {
        var reranker = _host.Reranker(Define("tokens.onnx", "late_interaction", ("query_prefix", "")));

        var scores = reranker.Score("red apple", ["apple pie that is red", "red pie", "green banana"]);

        Assert.Equal([1.0, 0.5, 0.0], scores.Select(s => Math.Round(s, 6)));
    }

    [Fact]
    public void Each_kind_refuses_the_functions_of_another_with_a_typed_error()
    {
        var crossEncoder = Define("cross_encoder.onnx", "cross_encoder");
        var sparse = Define("sparse.onnx", "sparse");

        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => _host.Dense(crossEncoder)).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => _host.Sparse(crossEncoder)).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => _host.Reranker(sparse)).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => _host.Reranker(crossEncoder, "maxsim")).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => Define("sparse.onnx", "colbert")).Code);
    }

    [Fact]
    public void A_model_without_the_output_its_kind_reads_fails_to_load_with_a_typed_error()
    {
        // The cross-encoder's only output is [batch, 1]: no token vectors for a sparse encoder to pool.
        var error = Assert.Throws<StoreException>(() => _host.Load(Define("cross_encoder.onnx", "sparse")));

        Assert.Equal(ErrorCode.ModelFailed, error.Code);
        Assert.Contains("[batch, tokens, vocabulary]", error.Message);
    }

    private ModelDefinition Define(string file, string kind, params (string Key, string Value)[] options) =>
        ModelDefinition.FromOptions($"{kind}-{file}-{options.Length}", _directory.File(file),
            [new("kind", kind), .. options.Select(o => new KeyValuePair<string, string>(o.Key, o.Value))]);

    private static Core.Vectors.SparseVector Expected(params string[] tokens)
    {
        var ids = tokens.Select(TinyModels.Id).Order().ToArray();
        return new Core.Vectors.SparseVector([.. ids.Select(id => (uint)id)], [.. ids.Select(id => MathF.Log(1 + TinyModels.SparseLogit(id, id)))]);
    }
}
