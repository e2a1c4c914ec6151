using System.Buffers.Binary;
using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Access.Integrity;
using Store.Access.Tests.Catalog;
using Store.Core.Errors;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Access.Tests.Vectors;

/// <summary>HNSW node records read back from pages: damage is a typed error and an integrity problem, never a crash in a search.</summary>
public sealed class HnswIndexTests
{
    [Theory]
    [InlineData(40, 1)]
    [InlineData(3, 10_000)]
    [InlineData(3, -1)]
    public void A_damaged_node_record_is_a_typed_error_and_an_integrity_problem(int linkCount, int link)
    {
        // Damaged behind the index's back, then reopened, so that the graph is read from the pages and not the database's cache.
        using var directory = new TempDirectory();
        var path = directory.File("damaged.store");
        using (var pager = Pager.Open(path, new PagerOptions()))
        {
            SystemCatalogTests.CreateItems(pager, 50, deleted: 0);
            using var txn = pager.BeginWrite();
            var index = new SystemCatalog(txn, new DatabaseState()).VectorIndexesOf("items")[0];
            var tree = new BTree(txn, index.Root);
            Assert.True(tree.TryGet(KeyCodec.RowIdKey(0), out var record));
            tree.Put(KeyCodec.RowIdKey(0), WithLayer0Links(record, linkCount, link));
            txn.Commit();
        }

        using var reopened = Pager.Open(path, new PagerOptions());
        using var reader = reopened.BeginRead();
        var catalog = new SystemCatalog(reader, new DatabaseState());
        var error = Assert.Throws<StoreException>(() => catalog.OpenVectorIndex(catalog.VectorIndexesOf("items")[0]).Search(new float[16], 5, 16, null));
        Assert.Equal(ErrorCode.TypeMismatch, error.Code);
        var report = new IntegrityChecker(reader, new DatabaseState()).Run();
        Assert.False(report.IsOk);
        Assert.Contains("HNSW node", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Live_nodes_no_walk_from_the_entry_point_reaches_are_an_integrity_problem()
    {
        using var directory = new TempDirectory();
        var path = directory.File("cut.store");
        using (var pager = Pager.Open(path, new PagerOptions()))
        {
            SystemCatalogTests.CreateItems(pager, 50, deleted: 0);
            using var txn = pager.BeginWrite();
            var tree = new BTree(txn, new SystemCatalog(txn, new DatabaseState()).VectorIndexesOf("items")[0].Root);
            foreach (var node in Enumerable.Range(0, 50))
            {
                // Every node's layer-0 links cut down to node 0: a walk from any entry point reaches it and no other.
                Assert.True(tree.TryGet(KeyCodec.RowIdKey(node), out var record));
                tree.Put(KeyCodec.RowIdKey(node), WithLayer0Links(record, 1, 0));
            }

            txn.Commit();
        }

        using var reopened = Pager.Open(path, new PagerOptions());
        using var reader = reopened.BeginRead();
        var report = new IntegrityChecker(reader, new DatabaseState()).Run();
        Assert.False(report.IsOk);
        Assert.Contains("live node(s) cannot be reached from the entry point", report.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A node's record with its layer-0 links replaced (the record's layout is in HnswNodeRecord: a 10-byte header, the vector, then per layer a u16 count and i32 links).</summary>
    private static byte[] WithLayer0Links(byte[] record, int count, int link)
    {
        var layer0 = 10 + (16 * sizeof(float));
        var oldCount = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(layer0));
        var rest = record.AsSpan(layer0 + 2 + (oldCount * sizeof(int)));
        var changed = new byte[layer0 + 2 + (count * sizeof(int)) + rest.Length];
        record.AsSpan(0, layer0).CopyTo(changed);
        BinaryPrimitives.WriteUInt16LittleEndian(changed.AsSpan(layer0), (ushort)count);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(changed.AsSpan(layer0 + 2 + (i * sizeof(int))), link);
        }

        rest.CopyTo(changed.AsSpan(layer0 + 2 + (count * sizeof(int))));
        return changed;
    }
}
