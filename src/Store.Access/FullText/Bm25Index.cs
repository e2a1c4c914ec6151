using Store.Access.BTrees;
using Store.Access.Indexing;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Access.FullText;

/// <summary>
/// A BM25 index as one transaction sees it: postings, document lengths, document frequencies and
/// collection statistics in the index's B+tree (<see cref="Bm25Records"/>), changed in the
/// transaction with every row the table writes, so they are always exact. Nothing is cached
/// between transactions: every read goes to the pages.
/// </summary>
internal sealed partial class Bm25Index(ReadTransaction txn, uint root, IReadOnlyList<int> columns, Bm25Parameters parameters) : IMethodIndex
{
    public Bm25Parameters Parameters => parameters;

    private BTree Tree => new(txn, root);

    public void Insert(long rowId, DbValue[] row)
    {
        var document = Bm25Document.Of(parameters.Analyzer, row, columns);
        if (document.IsEmpty)
        {
            return;
        }

        var tree = Tree;
        foreach (var (term, positions) in document.Terms)
        {
            tree.Put(Bm25Records.PostingKey(term, rowId), Bm25Records.Posting(positions, document.Length));
            AddToFrequency(tree, term, +1);
        }

        tree.Put(Bm25Records.DocumentKey(rowId), Bm25Records.Count(document.Length));
        tree.Put(Bm25Records.StatisticsKey, Bm25Records.Statistics(Statistics().Add(document.Length)));
    }

    /// <summary>
    /// Takes the row out by analyzing its old values again. Only what is found is taken away, so
    /// that a damaged index is not made worse (the integrity check reports the damage).
    /// </summary>
    public void Delete(long rowId, DbValue[] row)
    {
        var document = Bm25Document.Of(parameters.Analyzer, row, columns);
        if (document.IsEmpty)
        {
            return;
        }

        var tree = Tree;
        foreach (var term in document.Terms.Keys)
        {
            if (tree.Delete(Bm25Records.PostingKey(term, rowId)))
            {
                AddToFrequency(tree, term, -1);
            }
        }

        if (tree.Delete(Bm25Records.DocumentKey(rowId)))
        {
            tree.Put(Bm25Records.StatisticsKey, Bm25Records.Statistics(Statistics().Remove(document.Length)));
        }
    }

    /// <summary>The document count and total length; zero before the first document.</summary>
    public Bm25Statistics Statistics() =>
        Tree.TryGet(Bm25Records.StatisticsKey, static v => Bm25Records.DecodeStatistics(v), out var statistics) ? statistics : default;

    /// <summary>How many documents hold a term (as the analyzer gives it: folded and stemmed).</summary>
    public long DocumentFrequency(string term) =>
        Tree.TryGet(Bm25Records.FrequencyKey(term), static v => Bm25Records.DecodeCount(v), out var count) ? count : 0;

    /// <summary>A row's document length in terms, or null when the row is not a document of the index.</summary>
    public int? DocumentLength(long rowId) =>
        Tree.TryGet(Bm25Records.DocumentKey(rowId), static v => Bm25Records.DecodeCount(v), out var length) ? (int)length : null;

    private static void AddToFrequency(BTree tree, string term, int change)
    {
        var key = Bm25Records.FrequencyKey(term);
        var count = (tree.TryGet(key, static v => Bm25Records.DecodeCount(v), out var stored) ? stored : 0) + change;
        if (count > 0)
        {
            tree.Put(key, Bm25Records.Count(count));
        }
        else
        {
            tree.Delete(key);
        }
    }
}
