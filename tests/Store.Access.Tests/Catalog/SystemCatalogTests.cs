using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Access.Integrity;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Storage.Paging;
using Store.Testing.Vectors;

namespace Store.Access.Tests.Catalog;

/// <summary>The catalog's REINDEX: a rebuilt HNSW index holds only live rows and answers as before; a rolled-back one is untouched.</summary>
public sealed class SystemCatalogTests
{
    private const int Dimensions = 16;

    [Fact]
    public void Reindex_drops_the_tombstones_deletes_left_in_the_graph_and_only_when_committed()
    {
        // 200 of 600 deleted: fewer tombstones than live nodes, so the graph keeps them until REINDEX.
        using var pager = Pager.OpenInMemory(new PagerOptions());
        var vectors = CreateItems(pager, 600, deleted: 200);
        Assert.Equal(600, NodeRecords(pager));

        using (var txn = pager.BeginWrite())
        {
            new SystemCatalog(txn, new DatabaseState()).Reindex("items");
            txn.Rollback();
        }

        Assert.Equal(600, NodeRecords(pager));
        using (var txn = pager.BeginWrite())
        {
            new SystemCatalog(txn, new DatabaseState()).Reindex("items_hnsw");
            txn.Commit();
        }

        Assert.Equal(400, NodeRecords(pager));
        AssertSearchesTheLiveRows(pager, vectors, deleted: 200);
    }

    [Fact]
    public void Deletes_that_leave_more_tombstones_than_live_nodes_compact_the_graph_and_a_rollback_keeps_the_old_one()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        var vectors = CreateItems(pager, 600, deleted: 250);
        Assert.Equal(600, NodeRecords(pager));

        DeleteRows(pager, 251, 400, commit: false);
        Assert.Equal(600, NodeRecords(pager));
        DeleteRows(pager, 251, 400, commit: true);

        // The 301st tombstone outnumbered the 299 live nodes: the graph was rebuilt from those, and 99 deletes followed.
        Assert.Equal(299, NodeRecords(pager));
        AssertSearchesTheLiveRows(pager, vectors, deleted: 400);
    }

    private static void DeleteRows(Pager pager, long first, long last, bool commit)
    {
        using var txn = pager.BeginWrite();
        var table = new SystemCatalog(txn, new DatabaseState()).OpenTable("items");
        for (var rowId = first; rowId <= last; rowId++)
        {
            table.Delete(rowId);
        }

        if (commit)
        {
            txn.Commit();
        }
        else
        {
            txn.Rollback();
        }
    }

    private static void AssertSearchesTheLiveRows(Pager pager, float[][] vectors, int deleted)
    {
        using var reader = pager.BeginRead();
        var catalog = new SystemCatalog(reader, new DatabaseState());
        var index = catalog.OpenVectorIndex(catalog.VectorIndexesOf("items")[0]);
        var query = ClusteredVectors.Generate(1, Dimensions, seed: 32)[0];
        var found = index.Search(query, 10, 64, null)!;
        var live = vectors.Skip(deleted).ToList();
        var exact = ClusteredVectors.Nearest(live, query, VectorMetric.L2, 10).Select(i => i + deleted + 1L).ToList();
        Assert.True(ClusteredVectors.Recall(found.Select(f => f.RowId).ToList(), exact) >= 0.9);
        Assert.All(found, f => Assert.True(f.RowId > deleted));
        Assert.Equal(vectors.Length - deleted, index.LiveCount());
        Assert.True(new IntegrityChecker(reader, new DatabaseState()).Run().IsOk);
    }

    [Fact]
    public void Reindex_of_a_name_that_is_neither_table_nor_index_is_a_typed_error()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions());
        using var txn = pager.BeginWrite();
        var error = Assert.Throws<StoreException>(() => new SystemCatalog(txn, new DatabaseState()).Reindex("nothing"));
        Assert.Equal(ErrorCode.NotFound, error.Code);
    }

    /// <summary>A table <c>items (id, emb VECTOR(16))</c> of clustered vectors with ids from 1 and an HNSW index, after deleting the first rows.</summary>
    internal static float[][] CreateItems(Pager pager, int count, int deleted)
    {
        var vectors = ClusteredVectors.Generate(count, Dimensions, seed: 31);
        using var txn = pager.BeginWrite();
        var catalog = new SystemCatalog(txn, new DatabaseState());
        catalog.CreateTable(new TableSchema("items", [new ColumnDefinition("id", "INTEGER", IsRowIdAlias: true), new ColumnDefinition("emb", $"VECTOR({Dimensions})")]));
        var table = catalog.OpenTable("items");
        foreach (var vector in vectors)
        {
            table.Insert([DbValue.Null, DbValue.FromVector(vector)]);
        }

        catalog.CreateIndex(new IndexSchema("items_hnsw", "items", ["emb"], Method: "hnsw"));

        // Opened again: a table opened before CREATE INDEX does not know the index, as a statement never spans DDL.
        table = catalog.OpenTable("items");
        for (long rowId = 1; rowId <= deleted; rowId++)
        {
            table.Delete(rowId);
        }

        txn.Commit();
        return vectors;
    }

    /// <summary>The HNSW index's node records: one per node, tombstones included.</summary>
    private static int NodeRecords(Pager pager)
    {
        using var reader = pager.BeginRead();
        var index = new SystemCatalog(reader, new DatabaseState()).VectorIndexesOf("items")[0];
        return new BTree(reader, index.Root).Scan(KeyCodec.RowIdKey(0), null).Count();
    }
}
