using System.Buffers.Binary;
using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Storage.Paging;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// An HNSW index as seen by one transaction: the graph from the database's
/// <see cref="VectorIndexCache"/>, kept in step with its pages. The index's B+tree holds one
/// <see cref="HnswNodeRecord"/> per node, keyed by node id, and under key -1 the index version
/// (the commit LSN of the last change). Every change writes the nodes it touched back before
/// it returns, so the pages always describe the graph and a reopen needs no rebuild.
/// </summary>
internal sealed class HnswIndex(ReadTransaction txn, IndexInfo index, HnswParameters parameters)
{
    private static readonly byte[] VersionKey = KeyCodec.RowIdKey(-1);

    public HnswParameters Parameters => parameters;

    /// <summary>Builds the graph over existing rows and writes it (CREATE INDEX on a filled table).</summary>
    public void Build(IReadOnlyList<(long RowId, float[] Vector)> rows, int threads)
    {
        var writer = Writer;
        var graph = HnswBuilder.Build(parameters, rows, threads);
        var tree = new BTree(txn, index.Root);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            tree.Put(KeyCodec.RowIdKey(node), HnswNodeRecord.Encode(graph, node));
        }

        graph.TakeChanged();
        WriteVersion(tree, writer.CommitLsn);
        VectorIndexCache.Of(txn).Install(writer, index.Root, graph);
    }

    public void Insert(long rowId, float[] vector) => Change(graph => graph.Insert(rowId, vector));

    public void Delete(long rowId) => Change(graph => graph.Delete(rowId));

    /// <summary>
    /// The k nearest rows by the graph's distance, or null when the loaded graph belongs to a
    /// different view of the index than this transaction's (a concurrent writer is changing it,
    /// or this transaction's snapshot is older); the caller then answers without the index.
    /// </summary>
    public List<(long RowId, float Distance)>? Search(float[] query, int k, int ef, Func<long, bool>? allowed) =>
        VectorIndexCache.Of(txn).TryRead(txn, index.Root, ReadVersion(), Load, graph => graph.Search(query, k, ef, allowed), out var found) ? found : null;

    /// <summary>Rows the index can return, for choosing between the index and an exact scan; null as in <see cref="Search"/>.</summary>
    public int? LiveCount() =>
        VectorIndexCache.Of(txn).TryRead(txn, index.Root, ReadVersion(), Load, graph => graph.LiveCount, out var count) ? count : null;

    /// <summary>
    /// What the integrity check finds wrong between the stored graph and the table's rows: a
    /// row with an indexable vector and no live node, a live node with no such row, a link to a
    /// node that does not exist, or a node on more layers than the graph has.
    /// </summary>
    public List<string> Check(IReadOnlyList<(long RowId, Core.Values.DbValue[] Values)> rows, int column)
    {
        var problems = new List<string>();
        var graph = Load();
        var expected = rows.Where(r => r.Values[column].Kind == Core.Values.DbValueKind.Vector && graph.Prepare(r.Values[column].AsVector) is not null)
            .Select(r => r.RowId).ToHashSet();
        var live = Enumerable.Range(0, graph.NodeCount).Where(n => !graph.IsDeleted(n)).Select(graph.RowIdOf).ToList();
        var stray = live.Count(rowId => !expected.Remove(rowId));
        if (stray > 0 || expected.Count > 0)
        {
            problems.Add($"{stray} node(s) without a matching row, {expected.Count} row(s) missing from the graph");
        }

        for (var node = 0; node < graph.NodeCount; node++)
        {
            for (var level = 0; level <= graph.LevelOf(node); level++)
            {
                foreach (var link in graph.LinksOf(node, level))
                {
                    if (link < 0 || link >= graph.NodeCount || graph.LevelOf(link) < level)
                    {
                        problems.Add($"node {node} links on layer {level} to node {link}, which is not on that layer");
                    }
                }
            }
        }

        return problems;
    }

    private void Change(Func<HnswGraph, bool> change)
    {
        var writer = Writer;
        var tree = new BTree(txn, index.Root);
        VectorIndexCache.Of(txn).Write(writer, index.Root, ReadVersion(), Load, graph =>
        {
            if (change(graph))
            {
                foreach (var node in graph.TakeChanged())
                {
                    tree.Put(KeyCodec.RowIdKey(node), HnswNodeRecord.Encode(graph, node));
                }
            }

            return true;
        });
        if (ReadVersion() != writer.CommitLsn)
        {
            WriteVersion(tree, writer.CommitLsn);
        }
    }

    /// <summary>Reads the graph from this transaction's pages.</summary>
    private HnswGraph Load()
    {
        var tree = new BTree(txn, index.Root);
        var graph = new HnswGraph(parameters);
        var pending = new List<(int Node, int[][] Links)>();
        foreach (var record in tree.Scan(KeyCodec.RowIdKey(0), null))
        {
            var node = (int)KeyCodec.DecodeRowId(record.Key);
            pending.Add((node, HnswNodeRecord.Decode(graph, node, record.Value)));
        }

        foreach (var (node, links) in pending)
        {
            for (var level = 0; level < links.Length; level++)
            {
                graph.SetLinks(node, level, links[level]);
            }
        }

        return graph;
    }

    private ulong ReadVersion() =>
        new BTree(txn, index.Root).TryGet(VersionKey, static value => BinaryPrimitives.ReadUInt64LittleEndian(value), out var version) ? version : 0;

    private static void WriteVersion(BTree tree, ulong version)
    {
        var value = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(value, version);
        tree.Put(VersionKey, value);
    }

    private WriteTransaction Writer => txn as WriteTransaction ?? throw Core.Errors.StoreErrors.ReadOnlyTransaction();
}
