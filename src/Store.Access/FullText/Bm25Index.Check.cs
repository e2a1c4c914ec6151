using Store.Access.Integrity;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Access.FullText;

internal sealed partial class Bm25Index
{
    /// <summary>
    /// Recomputes every record the rows give (as <see cref="Insert"/> writes them) and compares
    /// them with the stored ones, by kind: records without a matching row, records missing, and
    /// records whose value disagrees; then the collection statistics. Holds the expected records
    /// of the whole table in memory, as the check already holds its rows.
    /// </summary>
    public List<string> Check(IReadOnlyList<(long RowId, DbValue[] Values)> rows)
    {
        var expected = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        var statistics = default(Bm25Statistics);
        foreach (var (rowId, values) in rows)
        {
            var document = Bm25Document.Of(parameters.Analyzer, values, columns);
            if (document.IsEmpty)
            {
                continue;
            }

            foreach (var (term, positions) in document.Terms)
            {
                expected.Add(Bm25Records.PostingKey(term, rowId), Bm25Records.Posting(positions, document.Length));
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            }

            expected.Add(Bm25Records.DocumentKey(rowId), Bm25Records.Count(document.Length));
            statistics = statistics.Add(document.Length);
        }

        foreach (var (term, count) in frequencies)
        {
            expected.Add(Bm25Records.FrequencyKey(term), Bm25Records.Count(count));
        }

        var problems = new List<string>();
        var stray = new int[4];
        var wrong = new int[4];
        var stored = default(Bm25Statistics);
        var readable = true;
        foreach (var (key, value) in Tree.Scan())
        {
            var kind = key[0];
            if (key.Length == 1 && kind == Bm25Records.StatisticsTag)
            {
                try
                {
                    stored = Bm25Records.DecodeStatistics(value);
                }
                catch (StoreException error) when (error.Code == ErrorCode.TypeMismatch)
                {
                    problems.Add(error.Message);
                    readable = false;
                }
            }
            else if (kind >= stray.Length || kind == Bm25Records.StatisticsTag)
            {
                problems.Add($"a record of unknown kind {kind} ({key.Length}-byte key)");
            }
            else if (!expected.Remove(key, out var record))
            {
                stray[kind]++;
            }
            else if (!record.AsSpan().SequenceEqual(value))
            {
                wrong[kind]++;
            }
        }

        var missing = new int[4];
        foreach (var key in expected.Keys)
        {
            missing[key[0]]++;
        }

        foreach (var (kind, name) in new[] { (Bm25Records.PostingTag, "posting"), (Bm25Records.DocumentTag, "document length"), (Bm25Records.FrequencyTag, "document frequency") })
        {
            if (stray[kind] + missing[kind] + wrong[kind] > 0)
            {
                problems.Add($"{stray[kind]} {name} record(s) without a matching row, {missing[kind]} missing, {wrong[kind]} that disagree with the rows; REINDEX rebuilds the index");
            }
        }

        if (readable && stored != statistics)
        {
            problems.Add($"the statistics say {stored.Documents} document(s) of total length {stored.TotalLength}, the rows give {statistics.Documents} of {statistics.TotalLength}; REINDEX rebuilds the index");
        }

        return problems;
    }
}
