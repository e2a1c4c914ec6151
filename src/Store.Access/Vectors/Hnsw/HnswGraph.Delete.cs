namespace Store.Access.Vectors.Hnsw;

/// <summary>Deletion: a tombstone plus repair of the neighbours that linked to it.</summary>
internal sealed partial class HnswGraph
{
    private const int MinTombstonesToCompact = 64;

    /// <summary>
    /// Removes a row from the answers. Its node stays as a tombstone that searches still pass
    /// through (links from nodes it never linked back to may point at it), but each live
    /// neighbour that linked to it drops that link and re-selects its links by the heuristic
    /// from its own and the deleted node's, so the neighbourhood stays connected; its own links
    /// no longer count as in-links, and a live node left without any is linked again (see
    /// <see cref="Reconnect"/>). A deleted entry point hands over to the next by the rule.
    /// </summary>
    public bool Delete(long rowId)
    {
        if (!_nodeOfRow.Remove(rowId, out var node))
        {
            return false;
        }

        _deleted[node] = true;
        _changed.Add(node);
        RecountLinks(LinksOf(node, 0), []);
        if (node == EntryPoint)
        {
            ChooseEntryPoint();
        }

        for (var level = 0; level <= LevelOf(node); level++)
        {
            var orphaned = LinksOf(node, level).ToArray();
            foreach (var neighbour in orphaned)
            {
                if (_deleted[neighbour] || !LinksOf(neighbour, level).Contains(node))
                {
                    continue;
                }

                Repair(neighbour, node, orphaned, level);
            }
        }

        KeepReachable();
        return true;
    }

    /// <summary>
    /// Whether tombstones have come to outnumber the live nodes (and number more than
    /// <see cref="MinTombstonesToCompact"/>), when the index rebuilds the graph from its live
    /// nodes. Searches pass through tombstones, so a graph mostly of them (a table whose rows are
    /// updated again and again) is slow to walk and loses recall: a crash-test graph of 370 live
    /// rows among 29,900 nodes no longer found a row by its own vector at ef 64. Compacting
    /// after as many deletes as there are live rows costs about one insert per delete.
    /// </summary>
    public bool TombstonesDue => NodeCount - LiveCount > Math.Max(LiveCount, MinTombstonesToCompact);

    /// <summary>The live nodes' rows and vectors, as the graph stores them, in node order.</summary>
    public List<(long RowId, float[] Vector)> LiveVectors() =>
        Enumerable.Range(0, NodeCount).Where(n => !_deleted[n]).Select(n => (_rowIds[n], VectorOf(n).ToArray())).ToList();

    private void Repair(int node, int deleted, int[] orphaned, int level)
    {
        var own = VectorOf(node);
        var candidates = new List<(int Node, float Distance)>();
        foreach (var candidate in LinksOf(node, level).ToArray().Concat(orphaned).Distinct())
        {
            if (candidate != node && candidate != deleted && !_deleted[candidate])
            {
                candidates.Add((candidate, Distance(own, candidate)));
            }
        }

        candidates.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        SetLinks(node, level, SelectNeighbours(candidates, Parameters.MaxLinks(level)));
        _changed.Add(node);
    }
}
