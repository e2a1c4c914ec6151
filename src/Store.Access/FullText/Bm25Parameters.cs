using Store.Access.Indexing;

namespace Store.Access.FullText;

/// <summary>
/// A BM25 index's options: the term-frequency saturation <see cref="K1"/>, the length
/// normalisation <see cref="B"/>, and the analyzer of its language (index and queries share it).
/// </summary>
internal sealed record Bm25Parameters(double K1, double B, TextAnalyzer Analyzer) : IndexParameters
{
    // Anserini's defaults for MS MARCO passages (Lucene's are 1.2 and 0.75). Issue 16 asks for the
    // defaults to be chosen from measurements on ../shared/data/ir; these stand until those are run.
    public const double DefaultK1 = 0.9;
    public const double DefaultB = 0.4;
}
