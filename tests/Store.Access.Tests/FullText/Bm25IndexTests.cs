using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.FullText;
using Store.Access.Integrity;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Storage.Pages;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Access.Tests.FullText;

/// <summary>
/// The BM25 index against brute force: exhaustive top-k scores and order (ties by rowid), statistics
/// exact through inserts, updates, deletes and rollbacks, REINDEX equal to incremental upkeep, several
/// columns as one field, the row filter, and rows with no terms.
/// </summary>
public sealed class Bm25IndexTests
{
    [Theory]
    [InlineData("english", 0.9, 0.4, 10)]
    [InlineData("none", 1.2, 0.75, 25)]
    [InlineData("english", 0.0, 1.0, 7)]
    [InlineData("english", 3.0, 0.0, 1)]
    public void Search_equals_brute_force_bm25_over_random_documents(string language, double k1, double b, int k)
    {
        var analyzer = TextAnalyzer.For(language);
        var oracle = new Bm25Oracle(analyzer, k1, b);
        var random = new Random(16);
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using (var txn = pager.BeginWrite())
        {
            Bm25Corpus.CreateTable(txn);
            Bm25Corpus.CreateIndex(txn, ["body"], new("k1", k1.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("b", $"{b}"), new("language", language));
            var table = Bm25Corpus.Table(txn);
            for (var i = 0; i < 300; i++)
            {
                var body = Bm25Corpus.MaybeText(random, 12);
                oracle.Set(table.Insert(Bm25Corpus.Row(null, null, body)), body);
            }

            txn.Commit();
        }

        using var reader = pager.BeginRead();
        var index = Bm25Corpus.Index(reader);
        for (var q = 0; q < 60; q++)
        {
            var query = Bm25Corpus.Query(random, analyzer);
            var expected = oracle.Search(query, k);
            var found = index.Search(query, k, null);
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void Statistics_stay_exact_through_inserts_updates_and_deletes()
    {
        var oracle = new Bm25Oracle(TextAnalyzer.English, 0.9, 0.4);
        var random = new Random(17);
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using (var txn = pager.BeginWrite())
        {
            Bm25Corpus.CreateTable(txn);
            Bm25Corpus.CreateIndex(txn, ["body"]);
            var table = Bm25Corpus.Table(txn);
            for (long id = 1; id <= 200; id++)
            {
                var body = Bm25Corpus.MaybeText(random, 10);
                table.Insert(Bm25Corpus.Row(id, "ignored title", body));
                oracle.Set(id, body);
            }

            AssertAgrees(Bm25Corpus.Index(txn), oracle, random);
            for (var i = 0; i < 80; i++)
            {
                var id = random.Next(1, 201);
                var body = Bm25Corpus.MaybeText(random, 10);
                Assert.True(table.Update(id, Bm25Corpus.Row(id, "another title", body)));
                oracle.Set(id, body);
            }

            AssertAgrees(Bm25Corpus.Index(txn), oracle, random);
            for (var i = 0; i < 60; i++)
            {
                var id = random.Next(1, 201);
                table.Delete(id);
                oracle.Remove(id);
            }

            AssertAgrees(Bm25Corpus.Index(txn), oracle, random);
            txn.Commit();
        }

        using var reader = pager.BeginRead();
        AssertAgrees(Bm25Corpus.Index(reader), oracle, random);
        Assert.True(new IntegrityChecker(reader, new DatabaseState()).Run().IsOk);
    }

    [Fact]
    public void A_rolled_back_transaction_leaves_the_index_as_it_was()
    {
        var random = new Random(18);
        using var pager = Pager.OpenInMemory(new PagerOptions());
        Fill(pager, random, 100, ["body"]);
        List<string> before;
        using (var reader = pager.BeginRead())
        {
            before = Bm25Corpus.Records(reader);
        }

        using (var txn = pager.BeginWrite())
        {
            var table = Bm25Corpus.Table(txn);
            table.Insert(Bm25Corpus.Row(null, null, "steam engines running at night"));
            Assert.True(table.Update(5, Bm25Corpus.Row(5, null, "iron horse")));
            Assert.True(table.Delete(7));
            Assert.NotEqual(before, Bm25Corpus.Records(txn));
            txn.Rollback();
        }

        using var after = pager.BeginRead();
        Assert.Equal(before, Bm25Corpus.Records(after));
    }

    [Fact]
    public void Reindex_and_create_on_a_filled_table_store_what_incremental_upkeep_stored()
    {
        var random = new Random(19);
        using var pager = Pager.OpenInMemory(new PagerOptions());
        Fill(pager, random, 150, ["title", "body"]);
        using (var txn = pager.BeginWrite())
        {
            var table = Bm25Corpus.Table(txn);
            for (var i = 0; i < 50; i++)
            {
                var id = random.Next(1, 151);
                table.Update(id, Bm25Corpus.Row(id, Bm25Corpus.MaybeText(random, 3), Bm25Corpus.MaybeText(random, 10)));
            }

            for (var i = 0; i < 30; i++)
            {
                table.Delete(random.Next(1, 151));
            }

            txn.Commit();
        }

        List<string> incremental;
        using (var reader = pager.BeginRead())
        {
            incremental = Bm25Corpus.Records(reader);
        }

        using var rebuild = pager.BeginWrite();
        new SystemCatalog(rebuild, new DatabaseState()).Reindex("docs_text");
        Assert.Equal(incremental, Bm25Corpus.Records(rebuild));
        Assert.True(new IntegrityChecker(rebuild, new DatabaseState()).Run().IsOk);
    }

    [Fact]
    public void A_reopened_database_reads_the_index_it_committed()
    {
        using var directory = new TempDirectory();
        var path = directory.File("bm25.store");
        List<string> records;
        List<(long RowId, double Score)> found;
        using (var pager = Pager.Open(path, new PagerOptions()))
        {
            Fill(pager, new Random(24), 120, ["title", "body"]);
            using var reader = pager.BeginRead();
            records = Bm25Corpus.Records(reader);
            found = Bm25Corpus.Index(reader).Search("steam engines on the river", 10, null);
        }

        using var reopened = Pager.Open(path, new PagerOptions());
        using var again = reopened.BeginRead();
        Assert.Equal(records, Bm25Corpus.Records(again));
        Assert.Equal(found, Bm25Corpus.Index(again).Search("steam engines on the river", 10, null));
        Assert.True(new IntegrityChecker(again, new DatabaseState()).Run().IsOk);
    }

    [Fact]
    public void Several_columns_are_scored_as_one_field()
    {
        var oracle = new Bm25Oracle(TextAnalyzer.English, 0.9, 0.4);
        var random = new Random(20);
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        var table = Bm25Corpus.Table(txn);
        for (long id = 1; id <= 250; id++)
        {
            var title = Bm25Corpus.MaybeText(random, 4);
            var body = Bm25Corpus.MaybeText(random, 12);
            table.Insert(Bm25Corpus.Row(id, title, body));
            oracle.Set(id, title, body);
        }

        // Built over the filled table here; the other tests build it empty and insert.
        Bm25Corpus.CreateIndex(txn, ["title", "body"]);
        AssertAgrees(Bm25Corpus.Index(txn), oracle, random);
    }

    [Fact]
    public void Positions_continue_across_columns_with_a_gap_so_no_phrase_spans_two()
    {
        var document = Bm25Document.Of(TextAnalyzer.English, [DbValue.FromText("The steam engine"), DbValue.Null, DbValue.FromText("engine room")], [0, 1, 2]);
        Assert.Equal(4, document.Length);
        Assert.Equal([1], document.Terms["steam"]);
        Assert.Equal([2, 2 + 1 + Bm25Document.ColumnGap], document.Terms["engin"]);
        Assert.Equal([2 + 2 + Bm25Document.ColumnGap], document.Terms["room"]);
    }

    [Fact]
    public void A_term_too_long_for_a_key_is_not_indexed_and_keeps_its_position()
    {
        // 200 Cyrillic letters: a word the analyzer keeps (under 256 characters), 400 bytes of UTF-8.
        var document = Bm25Document.Of(TextAnalyzer.None, [DbValue.FromText($"steam {new string('\u0436', 200)} engine")], [0]);
        Assert.Equal(2, document.Length);
        Assert.Equal([2], document.Terms["engine"]);
        Assert.True(Bm25Document.IsIndexable(new string('\u0436', Bm25Document.MaxTermBytes / 2)));
        Assert.False(Bm25Document.IsIndexable(new string('\u0436', (Bm25Document.MaxTermBytes / 2) + 1)));
        Assert.True(Bm25Records.PostingKey(new string('\u0436', Bm25Document.MaxTermBytes / 2), 1).Length <= BTree.MaxKeySize(PageLayout.MinPageSize));
    }

    [Fact]
    public void The_allowed_filter_still_returns_k_rows_when_k_rows_match()
    {
        var oracle = new Bm25Oracle(TextAnalyzer.English, 0.9, 0.4);
        var random = new Random(21);
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        Bm25Corpus.CreateIndex(txn, ["body"]);
        var table = Bm25Corpus.Table(txn);
        for (long id = 1; id <= 300; id++)
        {
            var body = Bm25Corpus.Text(random, 12);
            table.Insert(Bm25Corpus.Row(id, null, body));
            oracle.Set(id, body);
        }

        var index = Bm25Corpus.Index(txn);
        static bool Allowed(long rowId) => rowId % 7 == 3;
        var found = index.Search("steam engine river", 10, Allowed);
        Assert.Equal(10, found.Count);
        Assert.All(found, f => Assert.True(Allowed(f.RowId)));
        Assert.Equal(oracle.Search("steam engine river", 10, Allowed), found);
        Assert.Empty(index.Search("steam", 10, _ => false));
    }

    [Fact]
    public void Ties_are_broken_by_rowid_ascending_and_duplicate_query_terms_count_twice()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        Bm25Corpus.CreateIndex(txn, ["body"]);
        var table = Bm25Corpus.Table(txn);
        foreach (var id in new long[] { 9, 3, 7, 1, 5 })
        {
            table.Insert(Bm25Corpus.Row(id, null, "steam engine"));
        }

        table.Insert(Bm25Corpus.Row(20, null, "coal fire"));
        table.Insert(Bm25Corpus.Row(21, null, "river boats"));
        var index = Bm25Corpus.Index(txn);
        var found = index.Search("engine", 3, null);
        Assert.Equal([1L, 3L, 5L], found.Select(f => f.RowId));
        Assert.Equal(found[0].Score, found[2].Score);

        var once = index.Search("coal steam", 10, null);
        var twice = index.Search("coal steam coal", 10, null);
        Assert.Equal(2 * once.Single(f => f.RowId == 20).Score, twice.Single(f => f.RowId == 20).Score, 12);
        Assert.Equal(once.Single(f => f.RowId == 1).Score, twice.Single(f => f.RowId == 1).Score);
    }

    [Fact]
    public void Rows_whose_columns_give_no_term_are_not_documents()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        Bm25Corpus.CreateIndex(txn, ["title", "body"]);
        var table = Bm25Corpus.Table(txn);
        table.Insert(Bm25Corpus.Row(1, null, null));
        table.Insert(Bm25Corpus.Row(2, "", "the of a"));
        table.Insert(Bm25Corpus.Row(3, null, "steam"));
        var index = Bm25Corpus.Index(txn);
        Assert.Equal(new Bm25Statistics(1, 1), index.Statistics());
        Assert.Null(index.DocumentLength(1));
        Assert.Null(index.DocumentLength(2));

        Assert.True(table.Update(1, Bm25Corpus.Row(1, "steam engine", null)));
        Assert.True(table.Update(3, Bm25Corpus.Row(3, null, null)));
        Assert.Equal(new Bm25Statistics(1, 2), index.Statistics());
        Assert.Equal(2, index.DocumentLength(1));
        Assert.Equal(1, index.DocumentFrequency("steam"));
        Assert.Equal(0, index.DocumentFrequency("nothing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("the of a")]
    [InlineData(" ,.; ")]
    public void A_query_with_no_terms_is_a_typed_error(string query)
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        Fill(pager, new Random(22), 10, ["body"]);
        using var reader = pager.BeginRead();
        var error = Assert.Throws<StoreException>(() => Bm25Corpus.Index(reader).Search(query, 10, null));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Contains("has no terms to search for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_no_document_holds_score_nothing_and_an_empty_index_finds_nothing()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        Bm25Corpus.CreateIndex(txn, ["body"]);
        var index = Bm25Corpus.Index(txn);
        Assert.Empty(index.Search("steam", 10, null));
        Bm25Corpus.Table(txn).Insert(Bm25Corpus.Row(1, null, "steam"));
        Assert.Empty(index.Search("zeppelin", 10, null));
        Assert.Equal([1L], index.Search("zeppelin steam", 10, null).Select(f => f.RowId));
        Assert.Equal([1L], index.Search("steam", int.MaxValue, null).Select(f => f.RowId));
        Assert.Empty(index.Search("steam", 0, null));
    }

    /// <summary>Creates the table and an index over <paramref name="columns"/>, then inserts rows with ids 1..count.</summary>
    internal static void Fill(Pager pager, Random random, int count, string[] columns)
    {
        using var txn = pager.BeginWrite();
        Bm25Corpus.CreateTable(txn);
        Bm25Corpus.CreateIndex(txn, columns);
        var table = Bm25Corpus.Table(txn);
        for (long id = 1; id <= count; id++)
        {
            table.Insert(Bm25Corpus.Row(id, Bm25Corpus.MaybeText(random, 3), Bm25Corpus.MaybeText(random, 10)));
        }

        txn.Commit();
    }

    /// <summary>Statistics, every term's document frequency, every row's length, and a few searches equal the oracle's.</summary>
    private static void AssertAgrees(Bm25Index index, Bm25Oracle oracle, Random random)
    {
        Assert.Equal(new Bm25Statistics(oracle.Documents, oracle.TotalLength), index.Statistics());
        foreach (var term in oracle.Terms)
        {
            Assert.Equal(oracle.DocumentFrequency(term), index.DocumentFrequency(term));
        }

        for (long id = 0; id <= 300; id++)
        {
            Assert.Equal(oracle.Length(id), index.DocumentLength(id));
        }

        for (var q = 0; q < 10; q++)
        {
            var query = Bm25Corpus.Query(random, index.Parameters.Analyzer);
            Assert.Equal(oracle.Search(query, 10), index.Search(query, 10, null));
        }
    }
}
