namespace Store.Access.FullText;

/// <summary>
/// The BM25 formula, as Lucene's BM25Similarity before 8.0 wrote it (with the (k1 + 1) factor that
/// Lucene 8 dropped, which changes no order) and without its length quantisation (Lucene keeps a
/// document's length in one byte; here it is exact), in double precision:
/// idf = ln(1 + (N - df + 0.5) / (df + 0.5)), and a term's score in a document is
/// idf x tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)), with N the documents and avgdl their mean length.
/// </summary>
internal static class Bm25Scoring
{
    public static double Idf(long documents, long frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

    /// <summary>One term's score in one document; <paramref name="weight"/> is its idf times its count in the query.</summary>
    public static double Score(double weight, int frequency, int length, double k1, double b, double averageLength) =>
        weight * (frequency * (k1 + 1)) / (frequency + (k1 * (1 - b + (b * length / averageLength))));
}
