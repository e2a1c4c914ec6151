using System.Runtime.InteropServices;
using Store.Core.Vectors;

namespace Store.Access.Vectors.Hnsw;

/// <summary>
/// An HNSW graph in memory, the layout every search walks: nodes are dense ids, and each
/// node's layer-0 block (a link count, up to 2M link ids, then from the next cache line its
/// vector's float bits) lies back to back in one array, as in hnswlib, so visiting a node
/// touches one stretch of memory; unlike hnswlib's, blocks are whole cache lines
/// (<see cref="CacheLineArray"/>). Upper-layer links are kept per node. Vectors are stored as
/// the metric compares them (unit length for cosine). A deleted row's node stays as a tombstone:
/// searches pass through it but never return it (the index rebuilds the graph without them once
/// they outnumber the live nodes, see <see cref="TombstonesDue"/>, and so does REINDEX).
/// Searches may run concurrently with each other; changes are made by one writer at a time,
/// except in <see cref="HnswBuilder"/>, which inserts in parallel under per-node locks.
/// </summary>
internal sealed partial class HnswGraph
{
    private const int LockStripes = 4096;

    private readonly object[] _locks = Enumerable.Range(0, LockStripes).Select(_ => new object()).ToArray();
    private readonly Stack<SearchScratch> _scratch = [];
    private readonly Dictionary<long, int> _nodeOfRow = [];
    private readonly HashSet<int> _changed = [];
    private readonly Random _levels = new(2811);

    // The layer-0 block layout, kept in fields because every distance a search computes reads them.
    private readonly int _vectorOffset;
    private readonly int _prefetchInts;
    private readonly int _stride;
    private readonly int _dimensions;
    private readonly VectorMetric _metric;
    private long[] _rowIds;
    private byte[] _levelOf;
    private bool[] _deleted;
    private int[] _inLinks;
    private int[] _level0;
    private int _origin;
    private int[][]?[] _upper;

    public HnswGraph(HnswParameters parameters, int capacity = 16)
    {
        Parameters = parameters;
        (_dimensions, _metric) = (parameters.Dimensions, parameters.Metric);
        _vectorOffset = CacheLineArray.RoundUp(parameters.MaxLinks0 + 1);
        _stride = CacheLineArray.RoundUp(_vectorOffset + _dimensions);
        _prefetchInts = Math.Min(_dimensions, PrefetchBytes / sizeof(float));
        capacity = Math.Max(capacity, 1);
        _rowIds = new long[capacity];
        _levelOf = new byte[capacity];
        _deleted = new bool[capacity];
        _inLinks = new int[capacity];
        _level0 = CacheLineArray.Allocate(capacity * _stride, out _origin);
        _upper = new int[capacity][][];
    }

    public HnswParameters Parameters { get; }

    /// <summary>Nodes, tombstones included; node ids run from 0 to this.</summary>
    public int NodeCount { get; private set; }

    /// <summary>Rows the graph can return.</summary>
    public int LiveCount => _nodeOfRow.Count;

    /// <summary>
    /// Where searches start: the first live node (in node order) of the highest layer any live
    /// node reaches, or -1 when no node is live. Never a tombstone: a tombstone's links are
    /// never repaired, so every node inserted after it would hang on links it does not have.
    /// Not stored: loading derives the same node from the same records.
    /// </summary>
    public int EntryPoint { get; private set; } = -1;

    public int MaxLevel { get; private set; } = -1;

    public long RowIdOf(int node) => _rowIds[node];

    public int LevelOf(int node) => _levelOf[node];

    public bool IsDeleted(int node) => _deleted[node];

    public ReadOnlySpan<float> VectorOf(int node) => MemoryMarshal.Cast<int, float>(_level0.AsSpan(BlockOf(node) + _vectorOffset, _dimensions));

    public bool Contains(long rowId) => _nodeOfRow.ContainsKey(rowId);

    /// <summary>A node's links on one layer.</summary>
    public ReadOnlySpan<int> LinksOf(int node, int level)
    {
        var slot = Slot(node, level);
        return slot.Slice(1, slot[0]);
    }

    /// <summary>Nodes changed since the last call, for writing back to pages; the set is emptied.</summary>
    public int[] TakeChanged()
    {
        var changed = _changed.Order().ToArray();
        _changed.Clear();
        return changed;
    }

    /// <summary>The vector as the graph stores it (see <see cref="IndexedVectors.Prepare"/>); null when it cannot be indexed.</summary>
    public float[]? Prepare(ReadOnlySpan<float> vector) => IndexedVectors.Prepare(_metric, _dimensions, vector);

    /// <summary>The distance the graph orders by, from a prepared query to a node.</summary>
    public float Distance(ReadOnlySpan<float> query, int node) => IndexedVectors.Distance(_metric, query, VectorOf(node));

    /// <summary>Adds a node with its links as stored (loading from pages); links are set with <see cref="SetLinks"/>.</summary>
    public int AddStored(long rowId, ReadOnlySpan<float> vector, int level, bool deleted)
    {
        var node = Append(rowId, vector, level);
        _deleted[node] = deleted;
        if (!deleted)
        {
            _nodeOfRow[rowId] = node;
        }

        if (!deleted && level > MaxLevel)
        {
            (MaxLevel, EntryPoint) = (level, node);
        }

        return node;
    }

    /// <summary>Sets a node's links on one layer, keeping the layer-0 in-link counts in step (see <see cref="RecountLinks"/>).</summary>
    public void SetLinks(int node, int level, ReadOnlySpan<int> links)
    {
        var slot = Slot(node, level);
        if (level == 0 && !_deleted[node])
        {
            RecountLinks(slot.Slice(1, slot[0]), links);
        }

        links.CopyTo(slot[1..]);
        slot[0] = links.Length;
    }

    private int Append(long rowId, ReadOnlySpan<float> vector, int level)
    {
        var node = NodeCount;
        EnsureCapacity(node + 1);
        vector.CopyTo(MemoryMarshal.Cast<int, float>(_level0.AsSpan(BlockOf(node) + _vectorOffset, _dimensions)));
        _rowIds[node] = rowId;
        _levelOf[node] = checked((byte)level);
        _upper[node] = level == 0 ? null : Enumerable.Range(0, level).Select(_ => new int[Parameters.M + 1]).ToArray();
        NodeCount = node + 1;
        return node;
    }

    private Span<int> Slot(int node, int level)
    {
        if (level == 0)
        {
            return _level0.AsSpan(BlockOf(node), _vectorOffset);
        }

        return _upper[node]![level - 1];
    }

    /// <summary>Where a node's layer-0 block starts in <see cref="_level0"/>.</summary>
    private int BlockOf(int node) => _origin + (node * _stride);

    private object LockOf(int node) => _locks[node & (LockStripes - 1)];

    private void EnsureCapacity(int nodes)
    {
        if (nodes <= _rowIds.Length)
        {
            return;
        }

        var capacity = Math.Max(nodes, _rowIds.Length * 2);
        Array.Resize(ref _rowIds, capacity);
        Array.Resize(ref _levelOf, capacity);
        Array.Resize(ref _deleted, capacity);
        Array.Resize(ref _inLinks, capacity);
        var level0 = CacheLineArray.Allocate(capacity * _stride, out var origin);
        _level0.AsSpan(_origin, NodeCount * _stride).CopyTo(level0.AsSpan(origin));
        (_level0, _origin) = (level0, origin);
        Array.Resize(ref _upper, capacity);
    }

    /// <summary>Scratch space from the pool, under a plain lock: ConcurrentBag's work stealing made this the hottest lock of a search.</summary>
    private SearchScratch RentScratch()
    {
        SearchScratch? pooled;
        lock (_scratch)
        {
            _scratch.TryPop(out pooled);
        }

        var scratch = pooled ?? new SearchScratch(NodeCount, Parameters.MaxLinks0);
        scratch.Reset(NodeCount);
        return scratch;
    }

    private void ReturnScratch(SearchScratch scratch)
    {
        lock (_scratch)
        {
            _scratch.Push(scratch);
        }
    }
}
