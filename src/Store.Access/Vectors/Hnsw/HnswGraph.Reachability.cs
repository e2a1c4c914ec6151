namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// Keeping every live node reachable from the entry point on layer 0. Pruning a full link
/// list and repairing around a deleted node can drop a node's last in-link, and nothing in
/// HNSW itself notices: the node stays in the graph but no search reaches it. So the graph
/// counts each node's layer-0 in-links from live nodes, and when a live node's count falls
/// to zero it is linked again from the nearest live nodes a search finds, which the entry
/// point reaches by construction. A node with an in-link can still sit on an island whose
/// nodes only link to each other, which no local count shows; so after a change the whole
/// layer is walked (<see cref="Unreachable"/>) and what it misses is linked the same way. The
/// walk reads each reached node's links once: after every change while the graph holds up to
/// <see cref="WalkEveryChangeNodes"/> nodes, and above that once per NodeCount / that many
/// changes, which bounds its cost to about 4 us a change (a walk after every change cost
/// 2-3x an insert at 3,000 nodes). On a larger graph an island can thus live for that many
/// changes, which the exact fallback of the SQL search covers (it answers in full when the
/// graph comes back short). Islands are rare once orphans are relinked at once: none in
/// 7,200 sampled states of 5,500-node graphs with m = 6 or 16, a few of one or two nodes with m = 4.
/// </summary>
internal sealed partial class HnswGraph
{
    /// <summary>Up to this many nodes the graph is walked after every change; a walk costs about 40 ns a node (a cache miss or two each).</summary>
    internal const int WalkEveryChangeNodes = 64;

    private readonly List<int> _orphans = [];
    private int _changesSinceWalk;

    /// <summary>Live nodes that a walk of layer 0 from the entry point, through tombstones too, never reaches.</summary>
    public List<int> Unreachable() => LiveOutside(Reached());

    private List<int> LiveOutside(bool[] reached) => Enumerable.Range(0, NodeCount).Where(n => !_deleted[n] && !reached[n]).ToList();

    /// <summary>Which nodes a walk of layer 0 from the entry point reaches.</summary>
    private bool[] Reached() => Walk(out _);

    /// <summary>
    /// The walk behind <see cref="Reached"/>, reading each reached node's link block directly
    /// (it runs after changes, so it is kept tight), and counting the live nodes it reaches.
    /// </summary>
    private bool[] Walk(out int liveReached)
    {
        var reached = new bool[NodeCount];
        var pending = new Stack<int>();
        liveReached = 0;
        if (EntryPoint >= 0)
        {
            reached[EntryPoint] = true;
            pending.Push(EntryPoint);
        }

        while (pending.TryPop(out var node))
        {
            liveReached += _deleted[node] ? 0 : 1;
            var block = BlockOf(node);
            var end = block + 1 + _level0[block];
            for (var i = block + 1; i < end; i++)
            {
                var link = _level0[i];
                if (!reached[link])
                {
                    reached[link] = true;
                    pending.Push(link);
                }
            }
        }

        return reached;
    }

    /// <summary>Links every unreachable live node again, until a walk reaches them all (a few rounds at most: each round links each one from reached nodes).</summary>
    internal void ReconnectUnreachable()
    {
        lock (_orphans)
        {
            _orphans.Clear();
        }

        for (var round = 0; round < 4; round++)
        {
            var reached = Walk(out var liveReached);
            if (liveReached == LiveCount)
            {
                return;
            }

            foreach (var node in LiveOutside(reached))
            {
                Reconnect(node, reached);
            }
        }
    }

    /// <summary>
    /// Keeps the in-link counts in step when a live node's layer-0 links change from
    /// <paramref name="before"/> to <paramref name="after"/>, touching only the links that
    /// differ (a re-selection mostly keeps the list), and notes live nodes left with none.
    /// </summary>
    private void RecountLinks(ReadOnlySpan<int> before, ReadOnlySpan<int> after)
    {
        foreach (var target in before)
        {
            if (!after.Contains(target))
            {
                CountLink(target, -1);
            }
        }

        foreach (var target in after)
        {
            if (!before.Contains(target))
            {
                CountLink(target, +1);
            }
        }
    }

    /// <summary>One in-link more or less; atomically while the bulk build links in parallel.</summary>
    private void CountLink(int target, int delta)
    {
        var count = _linkingInParallel ? Interlocked.Add(ref _inLinks[target], delta) : _inLinks[target] += delta;
        if (count == 0 && !_deleted[target])
        {
            lock (_orphans)
            {
                _orphans.Add(target);
            }
        }
    }

    /// <summary>After a change (one writer at a time): links again each live node it left without in-links, and walks the layer when it is due.</summary>
    private void KeepReachable()
    {
        ReconnectOrphans();
        if ((long)++_changesSinceWalk * WalkEveryChangeNodes >= NodeCount)
        {
            _changesSinceWalk = 0;
            ReconnectUnreachable();
        }
    }

    private void ReconnectOrphans()
    {
        for (var i = 0; i < _orphans.Count; i++)
        {
            var node = _orphans[i];
            if (!_deleted[node] && node != EntryPoint && _inLinks[node] == 0)
            {
                Reconnect(node, reached: null);
            }
        }

        _orphans.Clear();
    }

    /// <summary>
    /// Makes a nearby live node that can take it link to <paramref name="node"/>: one with room
    /// takes a new link; a full one gives up its farthest link to a tombstone or to a node that
    /// keeps another in-link, so no other node is orphaned in turn.
    /// </summary>
    private void Reconnect(int node, bool[]? reached)
    {
        foreach (var candidate in LinkingCandidates(node, reached))
        {
            var links = LinksOf(candidate, 0).ToArray();
            if (links.Contains(node))
            {
                return;
            }

            if (links.Length < Parameters.MaxLinks0)
            {
                SetLinks(candidate, 0, [.. links, node]);
                _changed.Add(candidate);
                return;
            }

            var given = FarthestGivable(candidate, links);
            if (given >= 0)
            {
                links[given] = node;
                SetLinks(candidate, 0, links);
                _changed.Add(candidate);
                return;
            }
        }
    }

    /// <summary>Where in a full link list the farthest link lies that can be given up (to a tombstone, or to a node with another in-link); -1 when none can.</summary>
    private int FarthestGivable(int node, int[] links)
    {
        var (given, farthest) = (-1, float.MinValue);
        for (var i = 0; i < links.Length; i++)
        {
            var link = links[i];
            if (_deleted[link] || _inLinks[link] > 1)
            {
                var distance = Distance(VectorOf(node), link);
                if (distance > farthest)
                {
                    (given, farthest) = (i, distance);
                }
            }
        }

        return given;
    }

    /// <summary>
    /// Live nodes to link <paramref name="node"/> from, cheapest first: its own live neighbours
    /// (those <paramref name="reached"/> marks, when a walk was made), which links mostly run
    /// both ways to, and only when none can take the link, the nodes the construction search
    /// finds nearest from the entry point (reached by construction), then every other reached
    /// live node, nearest first.
    /// </summary>
    private IEnumerable<int> LinkingCandidates(int node, bool[]? reached)
    {
        var tried = new HashSet<int> { node };
        foreach (var neighbour in LinksOf(node, 0).ToArray().OrderBy(l => Distance(VectorOf(node), l)))
        {
            if (!_deleted[neighbour] && (reached is null || reached[neighbour]) && tried.Add(neighbour))
            {
                yield return neighbour;
            }
        }

        if (EntryPoint < 0)
        {
            yield break;
        }

        foreach (var candidate in NearestLive(node))
        {
            if (tried.Add(candidate))
            {
                yield return candidate;
            }
        }

        reached ??= Reached();
        var rest = Enumerable.Range(0, NodeCount).Where(n => reached[n] && !_deleted[n] && !tried.Contains(n));
        foreach (var candidate in rest.OrderBy(n => Distance(VectorOf(node), n)))
        {
            yield return candidate;
        }
    }

    /// <summary>The live nodes nearest to a node's vector, as the construction search finds them from the entry point.</summary>
    private List<int> NearestLive(int node)
    {
        var scratch = RentScratch();
        try
        {
            var start = Descend(VectorOf(node), EntryPoint, MaxLevel, 0, scratch, concurrent: false);
            SearchLayer(VectorOf(node), start, Parameters.EfConstruction, 0, scratch, concurrent: false, allowed: null);
            return DrainNearestFirst(scratch.Results).ConvertAll(n => n.Node);
        }
        finally
        {
            ReturnScratch(scratch);
        }
    }

    /// <summary>The entry point by its rule (see <see cref="EntryPoint"/>): one pass over the nodes, when the old one is deleted and after a parallel build.</summary>
    internal void ChooseEntryPoint()
    {
        (EntryPoint, MaxLevel) = (-1, -1);
        for (var node = 0; node < NodeCount; node++)
        {
            if (!_deleted[node] && LevelOf(node) > MaxLevel)
            {
                (EntryPoint, MaxLevel) = (node, LevelOf(node));
            }
        }
    }
}
