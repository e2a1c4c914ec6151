namespace Store.Access.FullText;

/// <summary>A query's terms held by some document, each with its BM25 weight, in query order, and the collection's mean document length.</summary>
internal sealed record Bm25WeightedQuery(IReadOnlyList<(string Term, double Weight)> Terms, double AverageLength);
