using Store.Access.Catalog;
using Store.Access.Integrity;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Access.Tests;

public class TableTests
{
    private static readonly TableSchema Docs = new("docs",
    [
        new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true),
        new ColumnDefinition("title", "TEXT", NotNull: true),
        new ColumnDefinition("year", "INTEGER"),
        new ColumnDefinition("emb", "VECTOR(3)"),
    ]);

    [Fact]
    public void Insert_assigns_rowids_and_rows_read_back_after_reopen()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        using (var pager = Pager.Open(path, new PagerOptions()))
        using (var txn = pager.BeginWrite())
        {
            var catalog = new SystemCatalog(txn, new DatabaseState());
            catalog.CreateTable(Docs);
            var table = catalog.OpenTable("docs");
            Assert.Equal(1, table.Insert(Row(null, "a", 2020)));
            Assert.Equal(10, table.Insert(Row(10, "b", 2021)));
            Assert.Equal(11, table.Insert(Row(null, "c", null)));
            txn.Commit();
        }

        using (var pager = Pager.Open(path, new PagerOptions()))
        using (var txn = pager.BeginRead())
        {
            var table = new SystemCatalog(txn, new DatabaseState()).OpenTable("DOCS");
            Assert.Equal([1L, 10L, 11L], table.Scan().Select(r => r.RowId));
            Assert.Equal(Row(10, "b", 2021), table.Get(10));
            Assert.Null(table.Get(2));
        }
    }

    [Fact]
    public void Index_follows_inserts_updates_and_deletes()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(Docs);
        var table = catalog.OpenTable("docs");
        for (var i = 0; i < 500; i++)
        {
            table.Insert(Row(null, $"t{i}", 2000 + (i % 10)));
        }

        var index = catalog.CreateIndex(new IndexSchema("docs_year", "docs", ["year"]));
        table = catalog.OpenTable("docs");
        table.Update(3, Row(3, "t2", 1999));
        table.Delete(13);

        Assert.Equal([3L], table.Seek(index, [DbValue.FromInteger(1999)]));
        Assert.Equal(48, table.Seek(index, [DbValue.FromInteger(2002)]).Count());
        Assert.True(new IntegrityChecker(txn, new DatabaseState()).Run().IsOk);
    }

    [Fact]
    public void Rejected_rows_change_nothing()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(Docs);
        catalog.CreateIndex(new IndexSchema("docs_year", "docs", ["year"]));
        catalog.CreateIndex(new IndexSchema("docs_title", "docs", ["title"], Unique: true));
        var table = catalog.OpenTable("docs");
        table.Insert(Row(1, "a", 2020));

        Assert.Equal(ErrorCode.DuplicateKey, Assert.Throws<StoreException>(() => table.Insert(Row(2, "a", 2021))).Code);
        Assert.Equal(ErrorCode.DuplicateKey, Assert.Throws<StoreException>(() => table.Insert(Row(1, "z", 2021))).Code);
        Assert.Equal(ErrorCode.ConstraintViolation, Assert.Throws<StoreException>(() => table.Insert(Row(3, null, 2021))).Code);
        Assert.Equal(ErrorCode.TooLarge, Assert.Throws<StoreException>(() => table.Insert(Row(4, new string('x', 5000), 2021))).Code);
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => table.Insert([DbValue.Null])).Code);

        Assert.Single(table.Scan());
        var report = new IntegrityChecker(txn, new DatabaseState()).Run();
        Assert.True(report.IsOk, report.ToString());
    }

    [Fact]
    public void Unique_index_treats_nan_like_null()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(new TableSchema("t", [new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true), new ColumnDefinition("x", "REAL")]));
        catalog.CreateIndex(new IndexSchema("t_x", "t", ["x"], Unique: true));
        var table = catalog.OpenTable("t");
        table.Insert([DbValue.Null, DbValue.Null]);
        table.Insert([DbValue.Null, DbValue.FromReal(double.NaN)]);
        table.Insert([DbValue.Null, DbValue.FromReal(double.NaN)]);
        table.Insert([DbValue.Null, DbValue.FromReal(1.5)]);

        Assert.Equal(ErrorCode.DuplicateKey, Assert.Throws<StoreException>(() => table.Insert([DbValue.Null, DbValue.FromReal(1.5)])).Code);
    }

    [Fact]
    public void Large_values_go_to_overflow_pages_and_come_back_whole()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions { PageSize = 4096 });
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(Docs);
        var table = catalog.OpenTable("docs");
        var big = new string('q', 100_000);
        var vector = Enumerable.Range(0, 4096).Select(i => (float)i).ToArray();
        var id = table.Insert([DbValue.Null, DbValue.FromText(big), DbValue.Null, DbValue.FromVector(vector)]);

        var row = table.Get(id)!;
        Assert.Equal(big, row[1].AsText);
        Assert.Equal(vector, row[3].AsVector);
        var report = new IntegrityChecker(txn, new DatabaseState()).Run();
        Assert.True(report.Trees.Sum(t => t.OverflowPages) > 20, report.ToString());
    }

    [Fact]
    public void Catalog_rejects_duplicate_names_and_drop_frees_the_pages()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(Docs);
        Assert.Equal(ErrorCode.AlreadyExists, Assert.Throws<StoreException>(() => catalog.CreateTable(Docs with { Name = "DOCS" })).Code);
        var table = catalog.OpenTable("docs");
        for (var i = 0; i < 2000; i++)
        {
            table.Insert(Row(null, $"row {i}", i));
        }

        catalog.CreateIndex(new IndexSchema("docs_year", "docs", ["year"]));
        catalog.DropTable("docs");

        Assert.Empty(catalog.Tables());
        Assert.Empty(catalog.Indexes());
        Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => catalog.OpenTable("docs")).Code);
        var report = new IntegrityChecker(txn, new DatabaseState()).Run();
        Assert.True(report.IsOk, report.ToString());
        Assert.True(report.FreePages > 10);
    }

    [Fact]
    public void Names_that_fold_alike_find_the_same_table_and_its_indexes()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(new TableSchema("\u212A", [new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true), new ColumnDefinition("x", "INTEGER")]));
        catalog.CreateIndex(new IndexSchema("kelvin_x", "\u212A", ["x"]));

        catalog.OpenTable("k").Insert([DbValue.Null, DbValue.FromInteger(5)]);

        Assert.Single(catalog.IndexesOf("k"));
        var report = new IntegrityChecker(txn, new DatabaseState()).Run();
        Assert.True(report.IsOk, report.ToString());
    }

    [Fact]
    public void Failed_create_index_leaves_no_page_behind()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using (var txn = pager.BeginWrite())
        {
            var catalog = new SystemCatalog(txn, new DatabaseState());
            catalog.CreateTable(Docs);
            var table = catalog.OpenTable("docs");
            table.Insert(Row(null, "same", 1));
            table.Insert(Row(null, "same", 2));

            Assert.Equal(ErrorCode.NotFound, Assert.Throws<StoreException>(() => catalog.CreateIndex(new IndexSchema("bad", "docs", ["nope"]))).Code);
            Assert.Equal(ErrorCode.DuplicateKey, Assert.Throws<StoreException>(() => catalog.CreateIndex(new IndexSchema("u", "docs", ["title"], Unique: true))).Code);
            Assert.Equal(ErrorCode.TooLarge, Assert.Throws<StoreException>(() => catalog.CreateTable(Docs with { Name = new string('n', 5000) })).Code);
            txn.Commit();
        }

        using var reader = pager.BeginRead();
        Assert.Empty(new SystemCatalog(reader, new DatabaseState()).Indexes());
        var report = new IntegrityChecker(reader, new DatabaseState()).Run();
        Assert.True(report.IsOk, report.ToString());
    }

    private static DbValue[] Row(long? id, string? title, long? year) =>
    [
        id is { } i ? DbValue.FromInteger(i) : DbValue.Null,
        title is null ? DbValue.Null : DbValue.FromText(title),
        year is { } y ? DbValue.FromInteger(y) : DbValue.Null,
        DbValue.Null,
    ];
}
