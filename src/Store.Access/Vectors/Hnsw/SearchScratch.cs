namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// The working memory of one graph search, reused across searches: the visited set, the
/// candidate min-heap, the result max-heap, a buffer to copy a node's links into, and one for
/// the links not yet visited.
/// </summary>
internal sealed class SearchScratch(int nodes, int maxLinks)
{
    public VisitedSet Visited { get; } = new(nodes);

    /// <summary>Nodes still to expand, nearest first.</summary>
    public NodeHeap Candidates { get; } = new();

    /// <summary>The best nodes found, keyed by negated distance so the worst is on top and dropped when the list is full.</summary>
    public NodeHeap Results { get; } = new();

    public int[] Links { get; } = new int[maxLinks + 1];

    public int[] Unvisited { get; } = new int[maxLinks + 1];

    public void Reset(int nodes)
    {
        Visited.Reset(nodes);
        Candidates.Clear();
        Results.Clear();
    }
}
