using Store.Core.Vectors;
using Store.Inference.Encoders;

namespace Store.Inference.Reranking;

/// <summary>Exact cosine re-scoring with a dense encoder: the query's embedding against each text's, computed afresh.</summary>
internal sealed class CosineReranker(DenseEncoder encoder) : ITextReranker
{
    public double[] Score(string query, IReadOnlyList<string> texts, Action? cut = null)
    {
        var q = encoder.EncodeQuery(query);
        return [.. encoder.EncodeDocuments(texts, cut: cut).Select(d => (double)VectorDistance.Dot(q, d))];
    }
}
