namespace Store.Inference.Reranking;

/// <summary>Scores candidate texts against a query, higher is better: what <c>rerank()</c> runs.</summary>
public interface ITextReranker
{
    /// <summary>One score per text, in the order of <paramref name="texts"/>; <paramref name="cut"/> is told of each text cut at the model's maximum length.</summary>
    double[] Score(string query, IReadOnlyList<string> texts, Action? cut = null);
}
