using Store.Core.Vectors;
using Store.Inference.Encoders;

namespace Store.Inference.Reranking;

/// <summary>
/// A listwise reranker in the spirit of E2Rank: the query is enriched with the first few
/// candidates (the first stage's best, in the order given), embedded as a query, and every
/// candidate is re-scored by cosine against that enriched query. It sees the candidates it is
/// given together; from SQL, that is the rows of one batch (up to 64) in first-stage order.
/// </summary>
internal sealed class ListwiseReranker(DenseEncoder encoder) : ITextReranker
{
    /// <summary>Candidates folded into the query: more would mostly be cut at the model's maximum length.</summary>
    public const int Feedback = 3;

    public double[] Score(string query, IReadOnlyList<string> texts, Action? cut = null)
    {
        var enriched = encoder.EncodeDocuments([$"{encoder.Settings.QueryPrefix}{query} {string.Join(' ', texts.Take(Feedback))}"], 1)[0];
        return [.. encoder.EncodeDocuments(texts, cut: cut).Select(d => (double)VectorDistance.Dot(enriched, d))];
    }
}
