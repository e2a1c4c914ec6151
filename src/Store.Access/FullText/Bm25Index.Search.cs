using Store.Core.Errors;

namespace Store.Access.FullText;

internal sealed partial class Bm25Index
{
    /// <summary>
    /// The <paramref name="k"/> rows that <paramref name="allowed"/> accepts with the best BM25
    /// scores for a plain-text query, best first, ties by rowid ascending: exhaustive,
    /// document-at-a-time over every posting of the query's terms, so it is the ground truth a
    /// skipping search must equal. The query's terms are OR-ed; a term given twice counts twice
    /// (its weight is its count in the query times its idf), as Lucene's BooleanQuery does when it
    /// merges duplicate SHOULD clauses into one boosted clause. A term no document holds adds
    /// nothing; a query with no terms at all is a typed error.
    /// </summary>
    public List<(long RowId, double Score)> Search(string query, int k, Func<long, bool>? allowed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var terms = QueryTerms(query);
        var statistics = Statistics();
        if (k == 0 || statistics.Documents == 0)
        {
            return [];
        }

        var cursors = new List<(IEnumerator<Bm25Posting> Postings, double Weight)>();
        try
        {
            foreach (var (term, count) in terms)
            {
                var frequency = DocumentFrequency(term);
                if (frequency > 0)
                {
                    var (from, to) = Bm25Records.PostingRange(term);
                    var postings = Tree.Scan(from, to, static (key, value) => Bm25Records.DecodePosting(key, value)).GetEnumerator();
                    cursors.Add((postings, count * Bm25Scoring.Idf(statistics.Documents, frequency)));
                }
            }

            return TopK(cursors, k, allowed, statistics.AverageLength);
        }
        finally
        {
            foreach (var (postings, _) in cursors)
            {
                postings.Dispose();
            }
        }
    }

    /// <summary>The query's distinct indexable terms in order of first appearance, with their counts.</summary>
    public List<(string Term, int Count)> QueryTerms(string query)
    {
        var terms = new List<(string Term, int Count)>();
        foreach (var term in parameters.Analyzer.Analyze(query))
        {
            if (!Bm25Document.IsIndexable(term.Text))
            {
                continue;
            }

            var seen = terms.FindIndex(t => t.Term == term.Text);
            if (seen >= 0)
            {
                terms[seen] = (term.Text, terms[seen].Count + 1);
            }
            else
            {
                terms.Add((term.Text, 1));
            }
        }

        return terms.Count > 0
            ? terms
            : throw StoreErrors.InvalidArgument($"the text query '{(query.Length <= 40 ? query : query[..40] + "...")}' has no terms to search for (it is empty or only {parameters.Analyzer.Language} stop words)");
    }

    /// <summary>Merges the terms' postings in rowid order, scoring each row once (terms summed in query order), and keeps the best k.</summary>
    private List<(long RowId, double Score)> TopK(List<(IEnumerator<Bm25Posting> Postings, double Weight)> cursors, int k, Func<long, bool>? allowed, double averageLength)
    {
        var live = cursors.Select(c => c.Postings.MoveNext()).ToArray();

        // The worst of the best k at the head: lowest score, then highest rowid.
        var best = new PriorityQueue<long, (double Score, long RowId)>(Math.Min(k, 1024) + 1, Comparer<(double Score, long RowId)>.Create(
            static (x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.RowId.CompareTo(x.RowId)));
        while (true)
        {
            var rowId = long.MaxValue;
            var any = false;
            for (var i = 0; i < cursors.Count; i++)
            {
                if (live[i] && cursors[i].Postings.Current.RowId <= rowId)
                {
                    rowId = cursors[i].Postings.Current.RowId;
                    any = true;
                }
            }

            if (!any)
            {
                break;
            }

            var accepted = allowed is null || allowed(rowId);
            var score = 0.0;
            for (var i = 0; i < cursors.Count; i++)
            {
                if (live[i] && cursors[i].Postings.Current is { } posting && posting.RowId == rowId)
                {
                    if (accepted)
                    {
                        score += Bm25Scoring.Score(cursors[i].Weight, posting.Frequency, posting.Length, parameters.K1, parameters.B, averageLength);
                    }

                    live[i] = cursors[i].Postings.MoveNext();
                }
            }

            if (accepted)
            {
                if (best.Count < k)
                {
                    best.Enqueue(rowId, (score, rowId));
                }
                else if (best.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && rowId < worst.RowId)))
                {
                    best.EnqueueDequeue(rowId, (score, rowId));
                }
            }
        }

        var found = new List<(long RowId, double Score)>(best.Count);
        while (best.TryDequeue(out var row, out var priority))
        {
            found.Add((row, priority.Score));
        }

        found.Reverse();
        return found;
    }
}
