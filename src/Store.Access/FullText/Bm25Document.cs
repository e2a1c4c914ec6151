using Store.Core.Values;

namespace Store.Access.FullText;

/// <summary>
/// What a BM25 index keeps of one row: each distinct term with the positions it occurs at, and
/// the document's length (its term count). The indexed columns are analyzed in column order as
/// one field; each column's positions start <see cref="ColumnGap"/> past the previous column's
/// last term, so no phrase spans two columns. A NULL (or non-TEXT) value adds nothing, and a row
/// that gives no term at all (every column NULL, empty or stop words) is not a document: it is not
/// counted in the statistics, as Lucene's docCount counts only documents with a term in the field.
/// </summary>
internal sealed class Bm25Document
{
    /// <summary>Positions between the last term of one column and the first word of the next (Lucene's usual position increment gap).</summary>
    public const int ColumnGap = 100;

    /// <summary>
    /// Terms longer than this in UTF-8 are not indexed (nor searched for), so that every key fits a
    /// B+tree of the smallest page size; they keep their positions. Words past 255 characters are
    /// already dropped by the analyzer, so only long words in scripts of 2 to 4 UTF-8 bytes a
    /// character reach this.
    /// </summary>
    public const int MaxTermBytes = 256;

    private Bm25Document(Dictionary<string, List<int>> terms, int length)
    {
        Terms = terms;
        Length = length;
    }

    /// <summary>Each distinct term and its positions in increasing order (its frequency is their count).</summary>
    public Dictionary<string, List<int>> Terms { get; }

    /// <summary>The number of terms (occurrences) the document has.</summary>
    public int Length { get; }

    public bool IsEmpty => Length == 0;

    /// <summary>The document a row gives an index over <paramref name="columns"/>.</summary>
    public static Bm25Document Of(TextAnalyzer analyzer, DbValue[] row, IReadOnlyList<int> columns)
    {
        var terms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var length = 0;
        var offset = 0;
        foreach (var column in columns)
        {
            if (row[column].Kind != DbValueKind.Text)
            {
                continue;
            }

            var last = -1;
            foreach (var term in analyzer.Terms(row[column].AsText))
            {
                last = offset + term.Position;
                if (!IsIndexable(term.Text))
                {
                    continue;
                }

                if (!lookup.TryGetValue(term.Text, out var positions))
                {
                    positions = [];
                    lookup[term.Text] = positions;
                }

                positions.Add(last);
                length++;
            }

            if (last >= 0)
            {
                offset = last + 1 + ColumnGap;
            }
        }

        return new Bm25Document(terms, length);
    }

    /// <summary>Whether a term is kept: short enough for a key, and free of U+0000 (which ends the term in a posting key).</summary>
    public static bool IsIndexable(ReadOnlySpan<char> term) =>
        !term.Contains('\0') && System.Text.Encoding.UTF8.GetByteCount(term) <= MaxTermBytes;
}
