using Store.Core.Options;
using Store.Inference.Models;
using Store.Inference.Onnx;

namespace Store.Inference.Encoders;

/// <summary>
/// A dense text encoder (a BERT-style ONNX model, run in length-sorted batches by
/// <see cref="TextModelRunner"/>): each text's token vectors pooled and normalised as the
/// model's card says. Query embeddings get the model's query prefix and are cached by text.
/// The same model's token vectors serve late interaction (<see cref="EncodeTokens"/>).
/// </summary>
public sealed class DenseEncoder : IDisposable
{
    public const int DefaultBatchSize = TextModelRunner.DefaultBatchSize;

    /// <summary>Padded tokens in one batch (texts x the longest text's tokens).</summary>
    public const int DefaultTokenBudget = TextModelRunner.DefaultTokenBudget;

    private const int CachedQueries = 1024;

    private readonly TextModelRunner _runner;
    private readonly string _output;
    private readonly EmbeddingCache _queries = new(CachedQueries);

    private DenseEncoder(TextModelRunner runner)
    {
        _runner = runner;
        (_output, var dimensions) = runner.Output(rank: 3, preferred: "last_hidden_state", expected: "[batch, tokens, dimensions]");
        Dimensions = dimensions[2];
    }

    public string Name => _runner.Name;

    public int Dimensions { get; }

    public EncoderSettings Settings => _runner.Model.Settings;

    /// <summary>Whether the model runs on the GPU (CUDA).</summary>
    public bool OnGpu => _runner.OnGpu;

    /// <summary>Texts cut at the maximum length so far.</summary>
    public long TruncatedInputs => _runner.TruncatedInputs;

    public static DenseEncoder Open(ModelDefinition model, InferenceDevice device, Action<string> notice) =>
        TextModelRunner.Open(model, device, notice, runner => new DenseEncoder(runner));

    /// <summary>
    /// Document embeddings, in the order of <paramref name="texts"/>; <paramref name="cut"/> is
    /// told of each text cut at the maximum length. The batch limits are for benchmarks.
    /// </summary>
    public float[][] EncodeDocuments(IReadOnlyList<string> texts, int batchSize = DefaultBatchSize, Action? cut = null, int tokenBudget = DefaultTokenBudget) =>
        _runner.Run([.. texts.Select(t => _runner.Tokenize(t, cut))], batchSize, tokenBudget, _output,
            (hidden, batch) => EmbeddingPooling.Pool(hidden, batch, Dimensions, Settings));

    /// <summary>
    /// Each text's token vectors (the model's last layer, [CLS] and [SEP] left out, each scaled to
    /// unit length) as one row-major [tokens x dimensions] array: for late-interaction scoring.
    /// </summary>
    public float[][] EncodeTokens(IReadOnlyList<string> texts, int batchSize = DefaultBatchSize, Action? cut = null) =>
        _runner.Run([.. texts.Select(t => _runner.Tokenize(t, cut))], batchSize, DefaultTokenBudget, _output,
            (hidden, batch) => EmbeddingPooling.Tokens(hidden, batch, Dimensions));

    /// <summary>A search query's embedding: the query prefix added, cached by text.</summary>
    public float[] EncodeQuery(string text)
    {
        if (!_queries.TryGet(text, out var vector))
        {
            vector = EncodeDocuments([Settings.QueryPrefix + text], 1)[0];
            _queries.Add(text, vector);
        }

        return vector;
    }

    /// <summary>How many tokens the model sees of a text, [CLS] and [SEP] included (at most the maximum length).</summary>
    public int TokenCount(string text) => _runner.TokenCount(text);

    public void Dispose() => _runner.Dispose();
}
