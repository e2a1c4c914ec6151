using Microsoft.ML.OnnxRuntime;
using Store.Core.Errors;
using Store.Inference.Models;
using Store.Inference.Onnx;
using Store.Inference.Tokenization;

namespace Store.Inference.Encoders;

/// <summary>
/// A dense text encoder (a BERT-style ONNX model): texts are tokenised, sorted by length and
/// run in batches padded only to each batch's longest text (fixed padding to the maximum
/// length is about 2x slower), then pooled and normalised as the model's card says. A batch
/// holds at most <see cref="DefaultBatchSize"/> texts and <see cref="DefaultTokenBudget"/>
/// padded tokens: on the CPU, short texts encode fastest about 8-32 at a time, long ones
/// one or two at a time (bench/RESULTS.md, "Inference"). Query embeddings get the model's
/// query prefix and are cached by text.
/// </summary>
public sealed class DenseEncoder : IDisposable
{
    public const int DefaultBatchSize = 32;

    /// <summary>Padded tokens in one batch (texts x the longest text's tokens).</summary>
    public const int DefaultTokenBudget = 512;

    private const int CachedQueries = 1024;

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly string _output;
    private readonly bool _takesTokenTypes;
    private readonly EmbeddingCache _queries = new(CachedQueries);
    private long _truncated;

    private DenseEncoder(string name, InferenceSession session, bool onGpu, WordPieceTokenizer tokenizer, EncoderSettings settings)
    {
        (Name, _session, OnGpu, _tokenizer, Settings) = (name, session, onGpu, tokenizer, settings);
        var hidden = session.OutputMetadata.FirstOrDefault(o => o.Value.Dimensions.Length == 3);
        if (hidden.Key is null || !session.InputMetadata.ContainsKey("input_ids") || !session.InputMetadata.ContainsKey("attention_mask"))
        {
            throw StoreErrors.ModelFailed(name, "not a BERT-style encoder: it needs inputs input_ids and attention_mask and a [batch, tokens, dimensions] output");
        }

        (_output, Dimensions) = (hidden.Key, hidden.Value.Dimensions[2]);
        _takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
    }

    public string Name { get; }

    public int Dimensions { get; }

    public EncoderSettings Settings { get; }

    /// <summary>Whether the model runs on the GPU (CUDA).</summary>
    public bool OnGpu { get; }

    /// <summary>Texts cut at the maximum length so far.</summary>
    public long TruncatedInputs => Interlocked.Read(ref _truncated);

    public static DenseEncoder Open(ModelDefinition model, InferenceDevice device, Action<string> notice)
    {
        var (session, onGpu) = OnnxSessions.Open(model.Name, model.ModelPath, device, notice);
        try
        {
            return new DenseEncoder(model.Name, session, onGpu, new WordPieceTokenizer(model.VocabPath, model.Settings.LowerCase), model.Settings);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Document embeddings, in the order of <paramref name="texts"/>; <paramref name="cut"/> is
    /// told of each text cut at the maximum length. The batch limits are for benchmarks.
    /// </summary>
    public float[][] EncodeDocuments(IReadOnlyList<string> texts, int batchSize = DefaultBatchSize, Action? cut = null, int tokenBudget = DefaultTokenBudget) =>
        Encode(texts, batchSize, tokenBudget, (hidden, batch) => EmbeddingPooling.Pool(hidden, batch, Dimensions, Settings), cut);

    /// <summary>
    /// Each text's token vectors (the model's last layer, [CLS] and [SEP] left out, each scaled to
    /// unit length) as one row-major [tokens x dimensions] array: for late-interaction scoring.
    /// </summary>
    public float[][] EncodeTokens(IReadOnlyList<string> texts, int batchSize = DefaultBatchSize) =>
        Encode(texts, batchSize, DefaultTokenBudget, (hidden, batch) => EmbeddingPooling.Tokens(hidden, batch, Dimensions), null);

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
    public int TokenCount(string text) => _tokenizer.Encode(text, Settings.MaxLength, out _).Length;

    public void Dispose() => _session.Dispose();

    /// <summary>Runs the texts in length-sorted batches; <paramref name="readOut"/> turns a batch's output into one array per text.</summary>
    private float[][] Encode(IReadOnlyList<string> texts, int batchSize, int tokenBudget, ReadOut readOut, Action? cut)
    {
        var tokens = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            tokens[i] = _tokenizer.Encode(texts[i], Settings.MaxLength, out var truncated);
            if (truncated)
            {
                Interlocked.Increment(ref _truncated);
                cut?.Invoke();
            }
        }

        var order = Enumerable.Range(0, texts.Count).OrderByDescending(i => tokens[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length;)
        {
            // Longest first, so the first text of a batch sets its padded length.
            var count = Math.Clamp(tokenBudget / tokens[order[start]].Length, 1, Math.Min(batchSize, order.Length - start));
            var rows = order.AsSpan(start, count).ToArray();
            start += count;
            var pooled = Run(WordPieceTokenizer.Pad(rows.Select(i => tokens[i]).ToList()), readOut);
            for (var j = 0; j < rows.Length; j++)
            {
                vectors[rows[j]] = pooled[j];
            }
        }

        return vectors;
    }

    private float[][] Run(TokenBatch batch, ReadOut readOut)
    {
        long[] shape = [batch.Count, batch.Length];
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, shape);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = ids, ["attention_mask"] = mask };
        if (_takesTokenTypes)
        {
            inputs["token_type_ids"] = types;
        }

        using var options = new RunOptions();
        try
        {
            using var outputs = _session.Run(options, inputs, [_output]);
            return readOut(outputs[0].GetTensorDataAsSpan<float>(), batch);
        }
        catch (OnnxRuntimeException e)
        {
            throw StoreErrors.ModelFailed(Name, $"running it failed: {e.Message}", e);
        }
    }

    /// <summary>What a batch's output ([texts x tokens x dimensions]) becomes: one array per text.</summary>
    private delegate float[][] ReadOut(ReadOnlySpan<float> hidden, TokenBatch batch);
}
