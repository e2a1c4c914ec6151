using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Access.FullText;
using Store.Access.Integrity;
using Store.Storage.Paging;

namespace Store.Access.Tests.FullText;

/// <summary>PRAGMA integrity_check on a BM25 index: quiet on a healthy one, and each kind of damage done behind its back named.</summary>
public sealed class Bm25CheckTests
{
    [Theory]
    [InlineData("posting deleted", "0 posting record(s) without a matching row, 1 missing, 0 that disagree with the rows")]
    [InlineData("posting added", "1 posting record(s) without a matching row, 0 missing, 0 that disagree with the rows")]
    [InlineData("frequency changed", "0 document frequency record(s) without a matching row, 0 missing, 1 that disagree with the rows")]
    [InlineData("length deleted", "0 document length record(s) without a matching row, 1 missing, 0 that disagree with the rows")]
    [InlineData("statistics changed", "the statistics say 1 document(s) of total length 1, the rows give")]
    [InlineData("statistics damaged", "type mismatch: a BM25 statistics record of 3 byte(s)")]
    public void Damage_done_behind_the_index_s_back_is_reported(string damage, string expected)
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        Bm25IndexTests.Fill(pager, new Random(23), 60, ["body"]);
        using (var reader = pager.BeginRead())
        {
            var report = new IntegrityChecker(reader, new DatabaseState()).Run();
            Assert.True(report.IsOk, report.ToString());
        }

        using var txn = pager.BeginWrite();
        var tree = new BTree(txn, new SystemCatalog(txn, new DatabaseState()).IndexesOf("docs").Single().Root);
        var posting = tree.Scan([Bm25Records.PostingTag], [Bm25Records.PostingTag + 1]).First();
        switch (damage)
        {
            case "posting deleted":
                Assert.True(tree.Delete(posting.Key));
                break;
            case "posting added":
                tree.Put([.. posting.Key[..^KeyCodec.RowIdSize], .. KeyCodec.RowIdKey(10_000)], posting.Value);
                break;
            case "frequency changed":
                tree.Put(Bm25Records.FrequencyKey("steam"), Bm25Records.Count(1_000));
                break;
            case "length deleted":
                Assert.True(tree.Delete(tree.Scan([Bm25Records.DocumentTag], [Bm25Records.DocumentTag + 1]).First().Key));
                break;
            case "statistics changed":
                tree.Put(Bm25Records.StatisticsKey, Bm25Records.Statistics(new Bm25Statistics(1, 1)));
                break;
            default:
                tree.Put(Bm25Records.StatisticsKey, [1, 2, 3]);
                break;
        }

        var damaged = new IntegrityChecker(txn, new DatabaseState()).Run();
        Assert.Single(damaged.Problems);
        Assert.Contains($"index docs_text: {expected}", damaged.ToString(), StringComparison.Ordinal);
    }
}
