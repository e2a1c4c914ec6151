namespace Store.Access.Vectors.Hnsw;

/// <summary>The searches: greedy descent through the upper layers, then a best-first search of one layer.</summary>
internal sealed partial class HnswGraph
{
    /// <summary>
    /// The <paramref name="k"/> nearest live rows to <paramref name="query"/>, nearest first,
    /// with the graph's distance, searching layer 0 with a candidate list of
    /// max(<paramref name="ef"/>, k). Only rows that <paramref name="allowed"/> accepts are
    /// returned; the walk still passes through the others, so a filter narrows the answer
    /// without cutting the graph.
    /// </summary>
    public List<(long RowId, float Distance)> Search(ReadOnlySpan<float> query, int k, int ef, Func<long, bool>? allowed = null)
    {
        var prepared = Prepare(query);
        if (prepared is null || EntryPoint < 0 || k <= 0)
        {
            return [];
        }

        var scratch = RentScratch();
        try
        {
            var start = Descend(prepared, EntryPoint, MaxLevel, 0, scratch, concurrent: false);
            SearchLayer(prepared, start, Math.Max(ef, k), 0, scratch, concurrent: false, allowed);
            var found = DrainNearestFirst(scratch.Results);
            return found.Take(k).Select(f => (_rowIds[f.Node], f.Distance)).ToList();
        }
        finally
        {
            ReturnScratch(scratch);
        }
    }

    /// <summary>Greedy descent from <paramref name="fromLevel"/> down to just above <paramref name="toLevel"/>: the node where the next layer's search starts.</summary>
    private int Descend(ReadOnlySpan<float> query, int entry, int fromLevel, int toLevel, SearchScratch scratch, bool concurrent)
    {
        var current = entry;
        var best = Distance(query, current);
        for (var level = fromLevel; level > toLevel; level--)
        {
            var improved = true;
            while (improved)
            {
                improved = false;
                foreach (var next in Links(current, level, scratch, concurrent))
                {
                    var distance = Distance(query, next);
                    if (distance < best)
                    {
                        (best, current, improved) = (distance, next, true);
                    }
                }
            }
        }

        return current;
    }

    /// <summary>
    /// Best-first search of one layer from <paramref name="entry"/>, leaving the best
    /// <paramref name="ef"/> accepted nodes in the scratch's result heap. A node is accepted
    /// when it is live and its row passes <paramref name="allowed"/>. Until ef nodes are
    /// accepted the search does not stop early, so a filter widens it rather than starving it.
    /// </summary>
    private void SearchLayer(ReadOnlySpan<float> query, int entry, int ef, int level, SearchScratch scratch, bool concurrent, Func<long, bool>? allowed)
    {
        var candidates = scratch.Candidates;
        var results = scratch.Results;
        scratch.Visited.Add(entry);
        var entryDistance = Distance(query, entry);
        candidates.Push(entry, entryDistance);
        var bound = float.MaxValue;
        if (Accepts(entry, allowed))
        {
            results.Push(entry, -entryDistance);
            bound = entryDistance;
        }

        while (candidates.TryPop(out var current, out var currentDistance))
        {
            if (currentDistance > bound && results.Count >= ef)
            {
                break;
            }

            var links = Links(current, level, scratch, concurrent);
            for (var i = 0; i < links.Length; i++)
            {
                if (i + 1 < links.Length)
                {
                    Prefetch(links[i + 1], scratch);
                }

                var next = links[i];
                if (!scratch.Visited.Add(next))
                {
                    continue;
                }

                var distance = Distance(query, next);
                if ((results.Count >= ef && distance >= bound) || float.IsNaN(distance))
                {
                    continue;
                }

                candidates.Push(next, distance);
                if (Accepts(next, allowed))
                {
                    results.Push(next, -distance);
                    if (results.Count > ef)
                    {
                        results.TryPop(out _, out _);
                    }

                    bound = -results.MinKey;
                }
            }
        }
    }

    /// <summary>Starts loading a node's vector and visited mark while the current neighbour's distance is computed.</summary>
    private void Prefetch(int node, SearchScratch scratch)
    {
        scratch.Visited.Prefetch(node);
        CachePrefetch.Line(ref _level0[(node * _stride) + _vectorOffset]);
    }

    private bool Accepts(int node, Func<long, bool>? allowed) => !_deleted[node] && (allowed is null || allowed(_rowIds[node]));

    /// <summary>A node's links; while building in parallel, a copy taken under the node's lock.</summary>
    private ReadOnlySpan<int> Links(int node, int level, SearchScratch scratch, bool concurrent)
    {
        if (!concurrent)
        {
            return LinksOf(node, level);
        }

        lock (LockOf(node))
        {
            var links = LinksOf(node, level);
            links.CopyTo(scratch.Links);
            return scratch.Links.AsSpan(0, links.Length);
        }
    }

    private static List<(int Node, float Distance)> DrainNearestFirst(NodeHeap results)
    {
        var found = new List<(int Node, float Distance)>(results.Count);
        while (results.TryPop(out var node, out var negated))
        {
            found.Add((node, -negated));
        }

        found.Reverse();
        return found;
    }
}
