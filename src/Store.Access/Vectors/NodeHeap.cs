namespace Store.Access.Vectors;

/// <summary>
/// A binary min-heap of ints (graph nodes, candidate numbers) keyed by a float: the queues of
/// the vector searches (HNSW's candidates by distance; the best found so far, in HNSW and IVF,
/// by negated distance, so the worst is on top). PriorityQueue compares float keys through
/// <c>float.CompareTo</c>, which orders NaN and so costs several branches a comparison. Here a
/// plain <c>&lt;</c> does, because no key is NaN: the searches leave out what has a NaN distance
/// (an inner product of finite vectors can overflow to it), and a NaN key would stop a sift
/// early and leave the heap out of order.
/// </summary>
internal sealed class NodeHeap
{
    private Entry[] _entries = new Entry[64];

    public int Count { get; private set; }

    /// <summary>The smallest key; only when <see cref="Count"/> is above zero.</summary>
    public float MinKey => _entries[0].Key;

    /// <summary>The node with the smallest key; only when <see cref="Count"/> is above zero.</summary>
    public int MinNode => _entries[0].Node;

    public void Clear() => Count = 0;

    public void Push(int node, float key)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }

        var entries = _entries;
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!(key < entries[parent].Key))
            {
                break;
            }

            entries[i] = entries[parent];
            i = parent;
        }

        entries[i] = new Entry(key, node);
    }

    /// <summary>Removes the entry with the smallest key; false when the heap is empty.</summary>
    public bool TryPop(out int node, out float key)
    {
        if (Count == 0)
        {
            (node, key) = (0, 0);
            return false;
        }

        var entries = _entries;
        (node, key) = (entries[0].Node, entries[0].Key);
        var last = entries[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && entries[child + 1].Key < entries[child].Key)
            {
                child++;
            }

            if (!(entries[child].Key < last.Key))
            {
                break;
            }

            entries[i] = entries[child];
            i = child;
        }

        entries[i] = last;
        return true;
    }

    private readonly record struct Entry(float Key, int Node);
}
