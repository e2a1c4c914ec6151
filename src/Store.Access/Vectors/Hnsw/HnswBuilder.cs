namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Builds a graph over rows that already exist (CREATE INDEX on a filled table): every node is
/// stored first, with its layer drawn in row order from a fixed seed, then all are linked in
/// parallel under per-node locks, as hnswlib's parallel build does. Threads racing to prune one
/// list can leave a node with no way in, and which one depends on the threads' timing, so the
/// build ends by taking the entry point by its rule (the race decides which of several top-layer
/// nodes came first) and linking every node a walk from it does not reach.
/// </summary>
internal static class HnswBuilder
{
    /// <summary>
    /// Below this many rows the build links on one thread: nodes linked in parallel while the
    /// graph is nearly empty get few, far links, which on a graph of a few hundred nodes left a
    /// row that a search for its own vector missed (the crash test, after a compaction); one
    /// thread builds a graph that small in about a second at most.
    /// </summary>
    internal const int SerialBelowRows = 2_000;

    /// <summary>A graph over <paramref name="rows"/>; their vectors are as the table holds them, or, when <paramref name="prepared"/>, as a graph stores them (a compaction).</summary>
    public static HnswGraph Build(HnswParameters parameters, IReadOnlyList<(long RowId, float[] Vector)> rows, int threads, bool prepared = false)
    {
        var graph = new HnswGraph(parameters, rows.Count);
        var levels = new Random(2811);
        foreach (var (rowId, vector) in rows)
        {
            if ((prepared ? vector : graph.Prepare(vector)) is { } stored)
            {
                graph.AppendUnlinked(rowId, stored, graph.DrawLevel(levels.NextDouble()));
            }
        }

        if (graph.NodeCount == 0)
        {
            return graph;
        }

        graph.Link(0, concurrent: true);
        graph.LinkInParallel(1, rows.Count < SerialBelowRows ? 1 : threads);
        graph.ChooseEntryPoint();
        graph.ReconnectUnreachable();
        return graph;
    }
}
