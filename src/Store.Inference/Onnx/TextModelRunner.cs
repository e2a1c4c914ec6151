using Microsoft.ML.OnnxRuntime;
using Store.Core.Errors;
using Store.Core.Options;
using Store.Inference.Models;
using Store.Inference.Tokenization;

namespace Store.Inference.Onnx;

/// <summary>
/// A BERT-style ONNX model with its tokenizer, run over many inputs at once: texts (or query
/// and text pairs) are tokenised, sorted by length and run in batches padded only to each
/// batch's longest input (fixed padding to the maximum length is about 2x slower). A batch
/// holds at most a given number of inputs and of padded tokens: on the CPU, short inputs run
/// fastest about 8-32 at a time, long ones one or two at a time (bench/RESULTS.md,
/// "Inference"). Every model kind runs through this; they differ in what they read out.
/// </summary>
internal sealed class TextModelRunner : IDisposable
{
    /// <summary>Inputs in one batch at most.</summary>
    public const int DefaultBatchSize = 32;

    /// <summary>Padded tokens in one batch at most (inputs x the longest input's tokens), measured best for the dense encoders on the CPU.</summary>
    public const int DefaultTokenBudget = 512;

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly bool _takesTokenTypes;
    private long _truncated;

    private TextModelRunner(ModelDefinition model, InferenceSession session, bool onGpu)
    {
        (Model, _session, OnGpu) = (model, session, onGpu);
        if (!session.InputMetadata.ContainsKey("input_ids") || !session.InputMetadata.ContainsKey("attention_mask"))
        {
            throw StoreErrors.ModelFailed(model.Name, "not a BERT-style model: it needs inputs input_ids and attention_mask");
        }

        _takesTokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        _tokenizer = new WordPieceTokenizer(model.VocabPath, model.Settings.LowerCase);
    }

    public ModelDefinition Model { get; }

    public string Name => Model.Name;

    /// <summary>Whether the model runs on the GPU (CUDA).</summary>
    public bool OnGpu { get; }

    /// <summary>Inputs cut at the maximum length so far.</summary>
    public long TruncatedInputs => Interlocked.Read(ref _truncated);

    /// <summary>Opens the model and hands its runner to <paramref name="wrap"/> (a model kind's class), closing the session again if that fails.</summary>
    public static T Open<T>(ModelDefinition model, InferenceDevice device, Action<string> notice, Func<TextModelRunner, T> wrap)
    {
        var (session, onGpu) = OnnxSessions.Open(model.Name, model.ModelPath, device, notice);
        try
        {
            return wrap(new TextModelRunner(model, session, onGpu));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The model's output whose shape has <paramref name="rank"/> dimensions, preferring one named <paramref name="preferred"/>; a typed error naming <paramref name="expected"/> when there is none.</summary>
    public (string Name, int[] Dimensions) Output(int rank, string preferred, string expected)
    {
        var outputs = _session.OutputMetadata.Where(o => o.Value.Dimensions.Length == rank).ToList();
        var chosen = outputs.FirstOrDefault(o => o.Key == preferred);
        chosen = chosen.Key is null ? outputs.FirstOrDefault() : chosen;
        return chosen.Key is null
            ? throw StoreErrors.ModelFailed(Name, $"it has no {expected} output")
            : (chosen.Key, chosen.Value.Dimensions);
    }

    /// <summary>A text's tokens, [CLS] text [SEP], at most the maximum length; <paramref name="cut"/> is told when the text is cut.</summary>
    public TokenSequence Tokenize(string text, Action? cut = null) => new(Encode(text, cut), SecondSegment: int.MaxValue);

    /// <summary>How many tokens the model sees of a text, [CLS] and [SEP] included (at most the maximum length).</summary>
    public int TokenCount(string text) => _tokenizer.Encode(text, Model.Settings.MaxLength, out _).Length;

    /// <summary>
    /// A query and a text read together, [CLS] query [SEP] text [SEP], with token type 1 on the
    /// text's part; cut to the maximum length by taking tokens off the end of the longer part
    /// one at a time, as Hugging Face's <c>longest_first</c> truncation does.
    /// </summary>
    public TokenSequence TokenizePair(string query, string text, Action? cut = null)
    {
        var first = _tokenizer.Encode(query, Model.Settings.MaxLength, out var queryCut);
        var second = _tokenizer.Encode(text, Model.Settings.MaxLength, out var textCut);
        var (queryTokens, textTokens) = (first.Length - 2, second.Length - 2);
        var budget = Math.Max(Model.Settings.MaxLength - 3, 0);
        var truncated = queryCut || textCut || queryTokens + textTokens > budget;
        while (queryTokens + textTokens > budget)
        {
            if (queryTokens > textTokens)
            {
                queryTokens--;
            }
            else
            {
                textTokens--;
            }
        }

        if (truncated)
        {
            Interlocked.Increment(ref _truncated);
            cut?.Invoke();
        }

        var ids = new long[queryTokens + textTokens + 3];
        first.AsSpan(0, queryTokens + 1).CopyTo(ids);
        ids[queryTokens + 1] = first[^1];
        second.AsSpan(1, textTokens).CopyTo(ids.AsSpan(queryTokens + 2));
        ids[^1] = second[^1];
        return new TokenSequence(ids, SecondSegment: queryTokens + 2);
    }

    /// <summary>
    /// Runs the inputs in length-sorted batches of at most <paramref name="batchSize"/> inputs
    /// and <paramref name="tokenBudget"/> padded tokens, and returns what
    /// <paramref name="readOut"/> makes of each batch's <paramref name="output"/>, in the
    /// order of <paramref name="inputs"/>.
    /// </summary>
    public T[] Run<T>(IReadOnlyList<TokenSequence> inputs, int batchSize, int tokenBudget, string output, ReadOut<T> readOut)
    {
        var order = Enumerable.Range(0, inputs.Count).OrderByDescending(i => inputs[i].Ids.Length).ToArray();
        var results = new T[inputs.Count];
        for (var start = 0; start < order.Length;)
        {
            // Longest first, so the first input of a batch sets its padded length.
            var count = Math.Clamp(tokenBudget / inputs[order[start]].Ids.Length, 1, Math.Min(batchSize, order.Length - start));
            var rows = order.AsSpan(start, count).ToArray();
            start += count;
            var batch = RunBatch(TokenBatch.Pad([.. rows.Select(i => inputs[i])]), output, readOut);
            for (var j = 0; j < rows.Length; j++)
            {
                results[rows[j]] = batch[j];
            }
        }

        return results;
    }

    public void Dispose() => _session.Dispose();

    private long[] Encode(string text, Action? cut)
    {
        var ids = _tokenizer.Encode(text, Model.Settings.MaxLength, out var truncated);
        if (truncated)
        {
            Interlocked.Increment(ref _truncated);
            cut?.Invoke();
        }

        return ids;
    }

    private T[] RunBatch<T>(TokenBatch batch, string output, ReadOut<T> readOut)
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
            using var outputs = _session.Run(options, inputs, [output]);
            return readOut(outputs[0].GetTensorDataAsSpan<float>(), batch);
        }
        catch (OnnxRuntimeException e)
        {
            throw StoreErrors.ModelFailed(Name, $"running it failed: {e.Message}", e);
        }
    }
}
