using Store.Access.FullText;

namespace Store.Access.Tests.FullText;

/// <summary>
/// Brute-force BM25 over documents kept as plain term counts, for checking the index against:
/// idf = ln(1 + (N - df + 0.5) / (df + 0.5)), a term's score idf x qtf x tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)),
/// summed over the query's distinct terms in order of first appearance (the index's order, so equal scores are equal bits).
/// </summary>
internal sealed class Bm25Oracle(TextAnalyzer analyzer, double k1, double b)
{
    private readonly SortedDictionary<long, Dictionary<string, int>> _documents = [];

    public long Documents => _documents.Count;

    public long TotalLength => _documents.Values.Sum(d => (long)d.Values.Sum());

    /// <summary>Sets a row's texts (the index's columns, in order; null for NULL); a row with no term is no document.</summary>
    public void Set(long rowId, params string?[] texts)
    {
        var terms = texts.Where(t => t is not null).SelectMany(t => analyzer.Analyze(t!)).GroupBy(t => t.Text).ToDictionary(g => g.Key, g => g.Count());
        if (terms.Count > 0)
        {
            _documents[rowId] = terms;
        }
        else
        {
            _documents.Remove(rowId);
        }
    }

    public void Remove(long rowId) => _documents.Remove(rowId);

    public long DocumentFrequency(string term) => _documents.Values.Count(d => d.ContainsKey(term));

    public int? Length(long rowId) => _documents.TryGetValue(rowId, out var d) ? d.Values.Sum() : null;

    public IEnumerable<string> Terms => _documents.Values.SelectMany(d => d.Keys).Distinct();

    public List<(long RowId, double Score)> Search(string query, int k, Func<long, bool>? allowed = null)
    {
        var terms = analyzer.Analyze(query).GroupBy(t => t.Text).Select(g => (Term: g.Key, Count: g.Count())).ToList();
        var n = (double)Documents;
        var averageLength = (double)TotalLength / Documents;
        var scored = new List<(long RowId, double Score)>();
        foreach (var (rowId, document) in _documents)
        {
            if (allowed is not null && !allowed(rowId))
            {
                continue;
            }

            var length = document.Values.Sum();
            var score = 0.0;
            var matched = false;
            foreach (var (term, count) in terms)
            {
                if (document.TryGetValue(term, out var tf))
                {
                    var df = DocumentFrequency(term);
                    var weight = count * Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                    score += weight * (tf * (k1 + 1)) / (tf + (k1 * (1 - b + (b * length / averageLength))));
                    matched = true;
                }
            }

            if (matched)
            {
                scored.Add((rowId, score));
            }
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.RowId).Take(k).ToList();
    }
}
