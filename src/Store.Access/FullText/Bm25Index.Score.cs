using Store.Core.Values;

namespace Store.Access.FullText;

internal sealed partial class Bm25Index
{
    /// <summary>
    /// A query's terms that some document holds, each with its weight (idf times its count in the
    /// query), in query order, and the collection's mean document length: what scoring one row
    /// needs, read once per statement. Empty when no document holds any of the terms.
    /// </summary>
    public Bm25WeightedQuery Weigh(string query)
    {
        var terms = QueryTerms(query);
        var statistics = Statistics();
        var weighted = new List<(string Term, double Weight)>();
        foreach (var (term, count) in statistics.Documents == 0 ? [] : terms)
        {
            var frequency = DocumentFrequency(term);
            if (frequency > 0)
            {
                weighted.Add((term, count * Bm25Scoring.Idf(statistics.Documents, frequency)));
            }
        }

        return new Bm25WeightedQuery(weighted, statistics.AverageLength);
    }

    /// <summary>
    /// A row's BM25 score for a weighed query, computed from the row's values at
    /// <paramref name="positions"/> (the index's columns in index order, as they lie in
    /// <paramref name="row"/>): the same sum, in the same term order, as <see cref="Search"/> gives
    /// the row, so the two agree to the bit. A row with none of the terms scores 0.
    /// </summary>
    public double Score(Bm25WeightedQuery query, DbValue[] row, IReadOnlyList<int> positions)
    {
        if (query.Terms.Count == 0)
        {
            return 0;
        }

        var document = Bm25Document.Of(parameters.Analyzer, row, positions);
        var score = 0.0;
        foreach (var (term, weight) in query.Terms)
        {
            if (document.Terms.TryGetValue(term, out var at))
            {
                score += Bm25Scoring.Score(weight, at.Count, document.Length, parameters.K1, parameters.B, query.AverageLength);
            }
        }

        return score;
    }

    /// <summary>Whether the row's values at <paramref name="positions"/> hold at least one of the query's terms.</summary>
    public bool Matches(IReadOnlyList<string> terms, DbValue[] row, IReadOnlyList<int> positions)
    {
        var document = Bm25Document.Of(parameters.Analyzer, row, positions);
        return terms.Any(document.Terms.ContainsKey);
    }
}
