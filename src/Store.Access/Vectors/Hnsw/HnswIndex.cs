using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Storage.Paging;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// An HNSW index as seen by one transaction: the graph from the database's
/// <see cref="VectorIndexCache"/>, kept in step with its pages. The index's B+tree holds one
/// <see cref="HnswNodeRecord"/> per node, keyed by node id, and the index's
/// <see cref="VectorIndexVersion"/>. Every change writes the nodes it touched back before it
/// returns, so the pages always describe the graph and a reopen needs no rebuild.
/// </summary>
internal sealed class HnswIndex(ReadTransaction txn, VectorIndexCache cache, IndexInfo index, HnswParameters parameters) : IVectorIndex
{
    /// <summary>The most nodes a graph being loaded is sized for before its records are read; past it, it grows as it loads.</summary>
    private const long MaxPresizedNodes = 1 << 22;

    public HnswParameters Parameters => parameters;

    public Core.Vectors.VectorMetric Metric => parameters.Metric;

    public int Column => index.ColumnPositions[0];

    public bool DistancesAreExact => true;

    /// <summary>Builds the graph over existing rows and writes it (CREATE INDEX on a filled table).</summary>
    public void Build(IReadOnlyList<(long RowId, float[] Vector)> rows, int threads) => Write(HnswBuilder.Build(parameters, rows, threads));

    /// <summary>Writes every node of a graph just built, and makes it the one searches walk.</summary>
    private void Write(HnswGraph graph)
    {
        var tree = new BTree(txn, index.Root);
        for (var node = 0; node < graph.NodeCount; node++)
        {
            tree.Put(KeyCodec.RowIdKey(node), HnswNodeRecord.Encode(graph, node));
        }

        graph.TakeChanged();
        cache.Install(txn, index.Root, graph);
    }

    public void Insert(long rowId, float[] vector) => Change(graph => graph.Insert(rowId, vector));

    public void Delete(long rowId) => Change(graph => graph.Delete(rowId));

    public List<(long RowId, float Distance)>? Search(float[] query, int k, int ef, Func<long, bool>? allowed) =>
        cache.TryRead(txn, index.Root, Load, (HnswGraph graph) => graph.Search(query, k, ef, allowed), out var found) ? found : null;

    public int? LiveCount() =>
        cache.TryRead(txn, index.Root, Load, (HnswGraph graph) => graph.LiveCount, out var count) ? count : null;

    /// <summary>
    /// Besides rows and live nodes that do not match: a record that does not decode, a link
    /// to a node that does not exist or is not on the link's layer (both found by loading), and
    /// live nodes that no walk from the entry point reaches.
    /// </summary>
    public List<string> Check(IReadOnlyList<(long RowId, Core.Values.DbValue[] Values)> rows)
    {
        HnswGraph graph;
        try
        {
            graph = Load();
        }
        catch (Core.Errors.StoreException error) when (error.Code == Core.Errors.ErrorCode.TypeMismatch)
        {
            return [error.Message];
        }

        var expected = rows.Where(r => r.Values[Column].Kind == Core.Values.DbValueKind.Vector && graph.Prepare(r.Values[Column].AsVector) is not null)
            .Select(r => r.RowId).ToHashSet();
        var live = Enumerable.Range(0, graph.NodeCount).Where(n => !graph.IsDeleted(n)).Select(graph.RowIdOf).ToList();
        var stray = live.Count(rowId => !expected.Remove(rowId));
        var problems = new List<string>();
        if (stray > 0 || expected.Count > 0)
        {
            problems.Add($"{stray} node(s) without a matching row, {expected.Count} row(s) missing from the graph");
        }

        if (graph.Unreachable() is { Count: > 0 } unreachable)
        {
            problems.Add($"{unreachable.Count} live node(s) cannot be reached from the entry point (first: node {unreachable[0]}, row {graph.RowIdOf(unreachable[0])}); REINDEX rebuilds the graph");
        }

        return problems;
    }

    /// <summary>
    /// Applies a change and writes the nodes it touched; or, when tombstones have come to
    /// outnumber the live nodes, rebuilds the graph from the live ones instead (see
    /// <see cref="HnswGraph.TombstonesDue"/>), inside the same transaction.
    /// </summary>
    private void Change(Func<HnswGraph, bool> change)
    {
        (List<(long RowId, float[] Vector)> Live, int Nodes)? compaction = null;
        cache.Write(txn, index.Root, Load, (HnswGraph graph) =>
        {
            if (!change(graph))
            {
                return;
            }

            if (graph.TombstonesDue)
            {
                compaction = (graph.LiveVectors(), graph.NodeCount);
                return;
            }

            var tree = new BTree(txn, index.Root);
            foreach (var node in graph.TakeChanged())
            {
                tree.Put(KeyCodec.RowIdKey(node), HnswNodeRecord.Encode(graph, node));
            }
        });

        if (compaction is { } due)
        {
            var tree = new BTree(txn, index.Root);
            for (var node = due.Live.Count; node < due.Nodes; node++)
            {
                tree.Delete(KeyCodec.RowIdKey(node));
            }

            Write(HnswBuilder.Build(parameters, due.Live, Environment.ProcessorCount, prepared: true));
        }
    }

    /// <summary>Reads the graph from this transaction's pages.</summary>
    private HnswGraph Load()
    {
        var tree = new BTree(txn, index.Root);

        // Sized for the last node at once, as growing by doubling would copy a large graph's blocks
        // many times over; capped, so that a damaged last key cannot ask for an absurd allocation.
        var nodes = tree.TryGetLastKey(out var last) ? Math.Clamp(KeyCodec.DecodeRowId(last) + 1, 0, MaxPresizedNodes) : 0;
        var graph = new HnswGraph(parameters, (int)nodes);
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
                // Checked here so that a damaged record is a typed error, not an index or null-reference exception in a search.
                foreach (var link in links[level])
                {
                    if (link < 0 || link >= graph.NodeCount || graph.LevelOf(link) < level)
                    {
                        throw Core.Errors.StoreErrors.TypeMismatch($"HNSW node {node} links on layer {level} to node {link}, which is not on that layer");
                    }
                }

                graph.SetLinks(node, level, links[level]);
            }
        }

        return graph;
    }

}
