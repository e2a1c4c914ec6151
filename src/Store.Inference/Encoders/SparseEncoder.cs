using System.Numerics.Tensors;
using Store.Core.Errors;
using Store.Core.Options;
using Store.Core.Vectors;
using Store.Inference.Models;
using Store.Inference.Onnx;
using Store.Inference.Tokenization;

namespace Store.Inference.Encoders;

/// <summary>
/// A learned sparse encoder in the manner of SPLADE: a masked-language-model head's logits
/// over the vocabulary for every token ([batch, tokens, vocabulary]), turned into one weight
/// per vocabulary term as log(1 + ReLU(logit)), max-pooled over the text's tokens, and pruned
/// to the model's <see cref="ModelDefinition.TopK"/> heaviest terms. Queries and documents are
/// encoded alike.
/// </summary>
public sealed class SparseEncoder : IDisposable
{
    private readonly TextModelRunner _runner;
    private readonly string _output;
    private readonly int _vocabulary;

    private SparseEncoder(TextModelRunner runner)
    {
        _runner = runner;
        (_output, var dimensions) = runner.Output(rank: 3, preferred: "logits", expected: "[batch, tokens, vocabulary] logits");
        // A dense encoder's [batch, tokens, hidden] output has the same rank; only its width tells them apart.
        _vocabulary = File.ReadLines(runner.Model.VocabPath).Count();
        if (dimensions[2] != -1 && dimensions[2] != _vocabulary)
        {
            throw StoreErrors.ModelFailed(runner.Name, $"a sparse model gives one logit per vocabulary term ({_vocabulary}), not {dimensions[2]} values a token");
        }
    }

    public string Name => _runner.Name;

    /// <summary>Texts cut at the maximum length so far.</summary>
    public long TruncatedInputs => _runner.TruncatedInputs;

    public static SparseEncoder Open(ModelDefinition model, InferenceDevice device, Action<string> notice) =>
        TextModelRunner.Open(model, device, notice, runner => new SparseEncoder(runner));

    /// <summary>Each text's sparse vector, in the order of <paramref name="texts"/>; <paramref name="cut"/> is told of each text cut at the maximum length.</summary>
    public SparseVector[] Encode(IReadOnlyList<string> texts, Action? cut = null) =>
        _runner.Run([.. texts.Select(t => _runner.Tokenize(t, cut))], TextModelRunner.DefaultBatchSize, TextModelRunner.DefaultTokenBudget, _output, Pool);

    public void Dispose() => _runner.Dispose();

    private SparseVector[] Pool(ReadOnlySpan<float> logits, TokenBatch batch)
    {
        var vocabulary = logits.Length / (batch.Count * batch.Length);
        if (vocabulary != _vocabulary)
        {
            throw StoreErrors.ModelFailed(Name, $"a sparse model gives one logit per vocabulary term ({_vocabulary}), not {vocabulary} values a token");
        }

        var vectors = new SparseVector[batch.Count];
        var weights = new float[vocabulary];
        for (var row = 0; row < batch.Count; row++)
        {
            Array.Clear(weights);
            var tokens = batch.TokensOf(row);
            for (var t = 0; t < tokens; t++)
            {
                // log(1 + ReLU(x)) rises with x, so the max over tokens can be taken on the logits (from 0: the ReLU).
                TensorPrimitives.Max(weights, logits.Slice(((row * batch.Length) + t) * vocabulary, vocabulary), weights);
            }

            vectors[row] = Heaviest(weights, _runner.Model.TopK);
        }

        return vectors;
    }

    /// <summary>The <paramref name="topK"/> heaviest terms (ties to the lower index) as log(1 + logit), in index order; terms at zero are left out.</summary>
    private static SparseVector Heaviest(float[] logits, int topK)
    {
        var terms = Enumerable.Range(0, logits.Length).Where(v => logits[v] > 0)
            .OrderByDescending(v => logits[v]).ThenBy(v => v).Take(topK).Order().ToArray();
        return new SparseVector([.. terms.Select(v => (uint)v)], [.. terms.Select(v => MathF.Log(1 + logits[v]))]);
    }
}
