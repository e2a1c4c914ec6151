namespace Store.Access.Vectors.Hnsw;

/// <summary>Insertion and the neighbour-selection heuristic.</summary>
internal sealed partial class HnswGraph
{
    private readonly object _entryLock = new();

    /// <summary>Set while <see cref="LinkInParallel"/> runs, so that in-link counts change atomically.</summary>
    private bool _linkingInParallel;

    /// <summary>Adds a row's vector as a new node and links it; false for a vector that cannot be indexed (zero under cosine).</summary>
    public bool Insert(long rowId, ReadOnlySpan<float> vector)
    {
        var prepared = Prepare(vector);
        if (prepared is null)
        {
            return false;
        }

        var node = Append(rowId, prepared, DrawLevel(_levels.NextDouble()));
        _nodeOfRow[rowId] = node;
        _changed.Add(node);
        Link(node, concurrent: false);

        // A new node that every neighbour pruned from its list has no way in from the start; ReconnectOrphans checks.
        _orphans.Add(node);
        KeepReachable();
        return true;
    }

    /// <summary>The layer a new node reaches: -ln(u) / ln(M), so each layer holds about 1/M of the one below.</summary>
    public int DrawLevel(double uniform) => Math.Min((int)(-Math.Log(1 - uniform) * Parameters.LevelMultiplier), 30);

    /// <summary>Adds a node for the bulk builder without linking it yet.</summary>
    internal int AppendUnlinked(long rowId, float[] prepared, int level)
    {
        var node = Append(rowId, prepared, level);
        _nodeOfRow[rowId] = node;
        return node;
    }

    /// <summary>Links the stored nodes from <paramref name="first"/> on with several threads (the bulk build).</summary>
    internal void LinkInParallel(int first, int threads)
    {
        _linkingInParallel = true;
        try
        {
            Parallel.For(first, NodeCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(threads, 1) }, node => Link(node, concurrent: true));
        }
        finally
        {
            _linkingInParallel = false;
        }
    }

    /// <summary>
    /// Links a node that is already stored: on each of its layers, from the top layer both
    /// share down to 0, search with ef_construction, keep M neighbours by the heuristic, and
    /// add the reverse links, pruning a neighbour's list by the same heuristic when full.
    /// </summary>
    internal void Link(int node, bool concurrent)
    {
        var query = VectorOf(node);
        var level = LevelOf(node);
        int entry, maxLevel;
        lock (_entryLock)
        {
            (entry, maxLevel) = (EntryPoint, MaxLevel);
            if (entry < 0)
            {
                (EntryPoint, MaxLevel) = (node, level);
                return;
            }
        }

        var scratch = RentScratch();
        try
        {
            var current = Descend(query, entry, maxLevel, level, scratch, concurrent);
            for (var layer = Math.Min(level, maxLevel); layer >= 0; layer--)
            {
                scratch.Reset(NodeCount);
                SearchLayer(query, current, Parameters.EfConstruction, layer, scratch, concurrent, allowed: null);
                var found = DrainNearestFirst(scratch.Results);
                found.RemoveAll(f => f.Node == node);
                if (found.Count == 0)
                {
                    continue;
                }

                var neighbours = SelectNeighbours(found, Parameters.M);
                lock (LockOf(node))
                {
                    SetLinks(node, layer, neighbours);
                }

                foreach (var neighbour in neighbours)
                {
                    AddLink(neighbour, node, layer, concurrent);
                }

                current = found[0].Node;
            }
        }
        finally
        {
            ReturnScratch(scratch);
        }

        if (level > maxLevel)
        {
            lock (_entryLock)
            {
                if (level > MaxLevel)
                {
                    (EntryPoint, MaxLevel) = (node, level);
                }
            }
        }
    }

    /// <summary>Adds <paramref name="target"/> to <paramref name="node"/>'s links, re-selecting them by the heuristic when the list is full.</summary>
    private void AddLink(int node, int target, int level, bool concurrent)
    {
        lock (LockOf(node))
        {
            var slot = Slot(node, level);
            if (slot[0] < Parameters.MaxLinks(level))
            {
                slot[1 + slot[0]] = target;
                slot[0]++;
            }
            else
            {
                var own = VectorOf(node);
                var candidates = new List<(int Node, float Distance)>(slot[0] + 1) { (target, Distance(own, target)) };
                foreach (var link in slot.Slice(1, slot[0]))
                {
                    candidates.Add((link, Distance(own, link)));
                }

                candidates.Sort((a, b) => a.Distance.CompareTo(b.Distance));
                SetLinks(node, level, SelectNeighbours(candidates, Parameters.MaxLinks(level)));
            }

            if (!concurrent)
            {
                _changed.Add(node);
            }
        }
    }

    /// <summary>
    /// The heuristic of the HNSW paper (and hnswlib): walking the candidates nearest first,
    /// keep one only if it is nearer to the base than to every one kept so far, so links spread
    /// in different directions instead of crowding into one cluster.
    /// </summary>
    private int[] SelectNeighbours(List<(int Node, float Distance)> nearestFirst, int m)
    {
        if (nearestFirst.Count <= m)
        {
            return nearestFirst.Select(c => c.Node).ToArray();
        }

        var kept = new List<int>(m);
        foreach (var (candidate, distance) in nearestFirst)
        {
            var vector = VectorOf(candidate);
            var diverse = true;
            foreach (var other in kept)
            {
                if (Distance(vector, other) < distance)
                {
                    diverse = false;
                    break;
                }
            }

            if (diverse)
            {
                kept.Add(candidate);
                if (kept.Count == m)
                {
                    break;
                }
            }
        }

        return kept.ToArray();
    }
}
