namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Which nodes a search has reached: a stamp per node, so clearing is one increment, not a
/// pass over the array (hnswlib's visited list). Stamps are 16-bit, as in hnswlib, so the
/// array takes half the cache; every 65,535 searches it is cleared once. Rented from a pool,
/// one per concurrent search.
/// </summary>
internal sealed class VisitedSet(int capacity)
{
    private ushort[] _stamps = new ushort[capacity];
    private ushort _stamp;

    public int Capacity => _stamps.Length;

    /// <summary>Starts a new search over at least <paramref name="nodes"/> nodes.</summary>
    public void Reset(int nodes)
    {
        if (nodes > _stamps.Length)
        {
            _stamps = new ushort[Math.Max(nodes, _stamps.Length * 2)];
            _stamp = 0;
        }

        if (++_stamp == ushort.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    /// <summary>Starts loading a node's mark into the cache ahead of <see cref="Add"/>.</summary>
    public void Prefetch(int node) => CachePrefetch.Line(ref _stamps[node]);

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
