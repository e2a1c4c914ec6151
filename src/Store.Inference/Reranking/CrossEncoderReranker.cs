using Store.Core.Errors;
using Store.Core.Options;
using Store.Inference.Models;
using Store.Inference.Onnx;
using Store.Inference.Tokenization;

namespace Store.Inference.Reranking;

/// <summary>
/// A cross-encoder (for example an ONNX export of ms-marco-MiniLM-L-6-v2): the query and each
/// text read together as one input, [CLS] query [SEP] text [SEP], and the model's relevance
/// logit as the score. A model with one output column gives that logit; one with two classes
/// gives the second's logit minus the first's, the log-odds of "relevant".
/// </summary>
internal sealed class CrossEncoderReranker : ITextReranker, IDisposable
{
    private readonly TextModelRunner _runner;
    private readonly string _output;

    private CrossEncoderReranker(TextModelRunner runner)
    {
        _runner = runner;
        (_output, var dimensions) = runner.Output(rank: 2, preferred: "logits", expected: "[batch, labels] logits");
        if (dimensions[1] is not (1 or 2 or -1))
        {
            throw StoreErrors.ModelFailed(runner.Name, $"a cross-encoder gives one relevance logit (or two class logits) per pair, not {dimensions[1]}");
        }
    }

    public static CrossEncoderReranker Open(ModelDefinition model, InferenceDevice device, Action<string> notice) =>
        TextModelRunner.Open(model, device, notice, runner => new CrossEncoderReranker(runner));

    /// <summary>Pairs cut at the maximum length so far.</summary>
    public long TruncatedInputs => _runner.TruncatedInputs;

    public double[] Score(string query, IReadOnlyList<string> texts, Action? cut = null) =>
        _runner.Run([.. texts.Select(t => _runner.TokenizePair(query, t, cut))], TextModelRunner.DefaultBatchSize, TextModelRunner.DefaultTokenBudget, _output, Logits);

    public void Dispose() => _runner.Dispose();

    private static double[] Logits(ReadOnlySpan<float> output, TokenBatch batch)
    {
        var labels = output.Length / batch.Count;
        var scores = new double[batch.Count];
        for (var row = 0; row < batch.Count; row++)
        {
            var logits = output.Slice(row * labels, labels);
            scores[row] = labels == 1 ? logits[0] : logits[1] - logits[0];
        }

        return scores;
    }
}
