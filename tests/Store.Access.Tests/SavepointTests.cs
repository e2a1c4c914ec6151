using Store.Access.Catalog;
using Store.Access.Integrity;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Access.Tests;

/// <summary>Savepoints undo a failed statement inside a longer transaction, pages, free list and indexes included.</summary>
public class SavepointTests
{
    private static readonly TableSchema Items = new("items",
    [
        new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true),
        new ColumnDefinition("body", "TEXT", NotNull: true),
        new ColumnDefinition("n", "INTEGER"),
    ]);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Statements_rolled_back_to_their_savepoint_leave_no_trace(int seed)
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        var options = new PagerOptions { PageSize = 4096, CacheBytes = 16 * 4096 };
        var random = new Random(seed);
        var model = new SortedDictionary<long, DbValue[]>();
        using (var pager = Pager.Open(path, options))
        using (var txn = pager.BeginWrite())
        {
            var catalog = new SystemCatalog(txn, new DatabaseState());
            catalog.CreateTable(Items);
            catalog.CreateIndex(new IndexSchema("items_n", "items", ["n"]));
            for (var statement = 0; statement < 300; statement++)
            {
                var savepoint = txn.BeginSavepoint();
                var staged = new SortedDictionary<long, DbValue[]>(model);
                var table = catalog.OpenTable("items");
                for (var op = random.Next(1, 6); op > 0; op--)
                {
                    var id = random.NextInt64(1, 400);
                    if (staged.ContainsKey(id) && random.Next(2) == 0)
                    {
                        table.Delete(id);
                        staged.Remove(id);
                    }
                    else
                    {
                        var row = new[] { DbValue.FromInteger(id), DbValue.FromText(new string('x', random.Next(1, random.Next(10) == 0 ? 9000 : 200))), DbValue.FromInteger(random.Next(20)) };
                        if (staged.ContainsKey(id))
                        {
                            table.Update(id, row);
                        }
                        else
                        {
                            table.Insert(row);
                        }

                        staged[id] = row;
                    }
                }

                if (random.Next(3) == 0)
                {
                    txn.RollbackTo(savepoint);
                }
                else
                {
                    txn.Release(savepoint);
                    model = staged;
                }
            }

            AssertRows(model, catalog);
            var report = new IntegrityChecker(txn, new DatabaseState()).Run();
            Assert.True(report.IsOk, report.ToString());
            txn.Commit();
        }

        using (var pager = Pager.Open(path, options))
        using (var txn = pager.BeginRead())
        {
            AssertRows(model, new SystemCatalog(txn, new DatabaseState()));
            var report = new IntegrityChecker(txn, new DatabaseState()).Run();
            Assert.True(report.IsOk, report.ToString());
        }
    }

    [Fact]
    public void Rolling_back_an_outer_savepoint_undoes_the_nested_ones_and_ends_them()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        var outer = txn.BeginSavepoint();
        catalog.CreateTable(Items);
        var inner = txn.BeginSavepoint();
        catalog.OpenTable("items").Insert([DbValue.Null, DbValue.FromText("a"), DbValue.Null]);

        txn.RollbackTo(outer);

        Assert.Null(catalog.FindTable("items"));
        Assert.Equal(ErrorCode.InvalidArgument, Assert.Throws<StoreException>(() => txn.Release(inner)).Code);
        Assert.True(new IntegrityChecker(txn, new DatabaseState()).Run().IsOk);
    }

    private static void AssertRows(SortedDictionary<long, DbValue[]> expected, SystemCatalog catalog)
    {
        var table = catalog.OpenTable("items");
        var actual = table.Scan().ToList();
        Assert.Equal(expected.Keys, actual.Select(r => r.RowId));
        Assert.All(actual, r => Assert.Equal(expected[r.RowId], r.Values));
        var index = catalog.IndexesOf("items").Single();
        Assert.Equal(expected.Count(e => e.Value[2] == DbValue.FromInteger(7)), table.Seek(index, [DbValue.FromInteger(7)]).Count());
    }
}
