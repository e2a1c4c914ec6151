using Store.Core.Vectors;
using Store.Inference.Encoders;

namespace Store.Inference.Reranking;

/// <summary>
/// Zero-shot late interaction with a dense encoder's token vectors, as ColBERT scores: for
/// each query token its best cosine against the text's tokens, averaged over the query's
/// tokens. The encoder was not trained for this, so whether it beats plain cosine is a
/// measurement (bench eval), not an assumption.
/// </summary>
internal sealed class MaxSimReranker(DenseEncoder encoder) : ITextReranker
{
    public double[] Score(string query, IReadOnlyList<string> texts, Action? cut = null)
    {
        var dimensions = encoder.Dimensions;
        var q = encoder.EncodeTokens([encoder.Settings.QueryPrefix + query])[0];
        var queryTokens = q.Length / dimensions;
        return [.. encoder.EncodeTokens(texts, cut: cut).Select(d =>
        {
            if (queryTokens == 0 || d.Length == 0)
            {
                return 0.0;
            }

            var total = 0.0;
            for (var i = 0; i < queryTokens; i++)
            {
                var token = q.AsSpan(i * dimensions, dimensions);
                var best = float.MinValue;
                for (var j = 0; j < d.Length; j += dimensions)
                {
                    best = Math.Max(best, VectorDistance.Dot(token, d.AsSpan(j, dimensions)));
                }

                total += best;
            }

            return total / queryTokens;
        })];
    }
}
