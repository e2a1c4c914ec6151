namespace Store.Access.Vectors.Hnsw;

/// <summary>Deletion: a tombstone plus repair of the neighbours that linked to it.</summary>
internal sealed partial class HnswGraph
{
    /// <summary>
    /// Removes a row from the answers. Its node stays as a tombstone that searches still pass
    /// through (links from nodes it never linked back to may point at it), but each live
    /// neighbour that linked to it drops that link and re-selects its links by the heuristic
    /// from its own and the deleted node's, so the neighbourhood stays connected.
    /// </summary>
    public bool Delete(long rowId)
    {
        if (!_nodeOfRow.Remove(rowId, out var node))
        {
            return false;
        }

        _deleted[node] = true;
        _changed.Add(node);
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

        return true;
    }

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
