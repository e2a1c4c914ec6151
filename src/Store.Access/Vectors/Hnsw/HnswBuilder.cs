namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Builds a graph over rows that already exist (CREATE INDEX on a filled table): every node is
/// stored first, with its layer drawn in row order from a fixed seed, then all are linked in
/// parallel under per-node locks, as hnswlib's parallel build does.
/// </summary>
internal static class HnswBuilder
{
    public static HnswGraph Build(HnswParameters parameters, IReadOnlyList<(long RowId, float[] Vector)> rows, int threads)
    {
        var graph = new HnswGraph(parameters, rows.Count);
        var levels = new Random(2811);
        foreach (var (rowId, vector) in rows)
        {
            if (graph.Prepare(vector) is { } prepared)
            {
                graph.AppendUnlinked(rowId, prepared, graph.DrawLevel(levels.NextDouble()));
            }
        }

        if (graph.NodeCount == 0)
        {
            return graph;
        }

        graph.Link(0, concurrent: true);
        Parallel.For(1, graph.NodeCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(threads, 1) }, node => graph.Link(node, concurrent: true));
        return graph;
    }
}
