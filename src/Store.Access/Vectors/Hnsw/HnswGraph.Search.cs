using System.Runtime.CompilerServices;

namespace Store.Access.Vectors.Hnsw;

/// <summary>The searches: greedy descent through the upper layers, then a best-first search of one layer.</summary>
internal sealed partial class HnswGraph
{
    /// <summary>How much of each unvisited neighbour's vector a search asks the CPU to load ahead (see <see cref="MarkUnvisited"/>).</summary>
    private const int PrefetchBytes = 256;

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

            foreach (var next in MarkUnvisited(Links(current, level, scratch, concurrent), scratch))
            {
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

            if (level == 0 && candidates.Count > 0)
            {
                PrefetchLinks(candidates.MinNode);
            }
        }
    }

    /// <summary>
    /// The links not yet visited, now marked, after asking the CPU to start loading the first
    /// <see cref="PrefetchBytes"/> of each one's vector: the loads of a whole neighbourhood are
    /// then in flight before the first distance waits on one (hnswlib prefetches one neighbour
    /// ahead). The rest of a longer vector is left to the hardware's stream prefetcher; asking
    /// for all 24 lines of a 384-dimension vector was slower than asking for 4.
    /// </summary>
    private ReadOnlySpan<int> MarkUnvisited(ReadOnlySpan<int> links, SearchScratch scratch)
    {
        foreach (var link in links)
        {
            scratch.Visited.Prefetch(link);
        }

        var unvisited = scratch.Unvisited;
        var count = 0;
        foreach (var link in links)
        {
            if (scratch.Visited.Add(link))
            {
                unvisited[count++] = link;
                ref var vector = ref _level0[BlockOf(link) + _vectorOffset];
                for (var offset = 0; offset < _prefetchInts; offset += CacheLineArray.IntsPerLine)
                {
                    CachePrefetch.Line(ref Unsafe.Add(ref vector, offset));
                }
            }
        }

        return unvisited.AsSpan(0, count);
    }

    /// <summary>Starts loading the layer-0 links of the candidate the search expands next.</summary>
    private void PrefetchLinks(int node)
    {
        ref var block = ref _level0[BlockOf(node)];
        for (var offset = 0; offset < _vectorOffset; offset += CacheLineArray.IntsPerLine)
        {
            CachePrefetch.Line(ref Unsafe.Add(ref block, offset));
        }
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
