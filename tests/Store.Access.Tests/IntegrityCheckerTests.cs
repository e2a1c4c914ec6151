using Store.Access.Catalog;
using Store.Access.Integrity;
using Store.Core.Values;
using Store.Storage.Pages;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Access.Tests;

public class IntegrityCheckerTests
{
    private const int PageSize = 4096;

    [Fact]
    public void Flipped_bit_in_any_page_is_reported_naming_that_page()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        using (var pager = Pager.Open(path, new PagerOptions { PageSize = PageSize }))
        {
            Fill(pager);
        }

        var pristine = File.ReadAllBytes(path);
        var pageCount = pristine.Length / PageSize;
        Assert.True(pageCount > 20);
        var random = new Random(9);
        for (var page = 1; page < pageCount; page++)
        {
            var damaged = (byte[])pristine.Clone();
            var bit = random.Next(PageSize * 8);
            damaged[(page * PageSize) + (bit / 8)] ^= (byte)(1 << (bit % 8));
            File.WriteAllBytes(path, damaged);

            using var pager = Pager.Open(path, new PagerOptions { PageSize = PageSize, CacheBytes = 0 });
            using var txn = pager.BeginRead();
            var report = new IntegrityChecker(txn, new DatabaseState()).Run();
            Assert.False(report.IsOk);
            Assert.Contains(report.Problems, p => p.Contains($"page {page}:") || p.Contains($"page {page} "));
        }
    }

    [Fact]
    public void Page_missing_from_the_free_list_is_reported_as_leaked()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions { PageSize = PageSize });
        Fill(pager);
        using (var txn = pager.BeginWrite())
        {
            txn.Allocate(PageType.Overflow);
            txn.Commit();
        }

        using var reader = pager.BeginRead();
        var report = new IntegrityChecker(reader, new DatabaseState()).Run();
        Assert.Contains(report.Problems, p => p.Contains("neither in use nor free"));
    }

    [Fact]
    public void Clean_database_reports_ok_with_tree_shapes()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions { PageSize = PageSize });
        Fill(pager);
        using var reader = pager.BeginRead();
        var report = new IntegrityChecker(reader, new DatabaseState()).Run();
        Assert.True(report.IsOk, report.ToString());
        var table = Assert.Single(report.Trees, t => t.Name == "table t");
        Assert.Equal(3000, table.Entries);
        Assert.True(table.Depth >= 2);
        Assert.StartsWith("ok", report.ToString());
    }

    private static void Fill(Pager pager)
    {
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(new TableSchema("t", [new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true), new ColumnDefinition("v", "TEXT")]));
        var table = catalog.OpenTable("t");
        for (var i = 0; i < 3000; i++)
        {
            table.Insert([DbValue.Null, DbValue.FromText($"value {i} " + new string('x', i % 50))]);
        }

        catalog.CreateIndex(new IndexSchema("t_v", "t", ["v"]));
        txn.Commit();
    }
}
