namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Which nodes a search has reached: a stamp per node, so clearing is one increment, not a
/// pass over the array (hnswlib's visited list). Rented from a pool, one per concurrent search.
/// </summary>
internal sealed class VisitedSet(int capacity)
{
    private int[] _stamps = new int[capacity];
    private int _stamp;

    public int Capacity => _stamps.Length;

    /// <summary>Starts a new search over at least <paramref name="nodes"/> nodes.</summary>
    public void Reset(int nodes)
    {
        if (nodes > _stamps.Length)
        {
            _stamps = new int[Math.Max(nodes, _stamps.Length * 2)];
            _stamp = 0;
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    /// <summary>Marks a node; false when it was already marked in this search.</summary>
    public bool Add(int node)
    {
        if (_stamps[node] == _stamp)
        {
            return false;
        }

        _stamps[node] = _stamp;
        return true;
    }
}
