namespace Store.Access.FullText;

/// <summary>A BM25 index's collection statistics: how many documents it holds and their total length in terms.</summary>
internal readonly record struct Bm25Statistics(long Documents, long TotalLength)
{
    /// <summary>The mean document length (avgdl); 0 for an empty index.</summary>
    public double AverageLength => Documents == 0 ? 0 : (double)TotalLength / Documents;

    public Bm25Statistics Add(int length) => new(Documents + 1, TotalLength + length);

    public Bm25Statistics Remove(int length) => new(Documents - 1, TotalLength - length);
}
