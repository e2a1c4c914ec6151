using Store.Core.Vectors;

namespace Store.Access.Vectors.Ivf;

/// <summary>
/// An IVF index in memory, the layout searches read: the centroids, the trained codec, and one
/// <see cref="IvfList"/> per centroid. A vector goes to the list of its nearest centroid (by
/// inner product for the inner-product metric, by L2 otherwise, which on unit vectors is
/// cosine). A search scores the codes of the <c>probes</c> nearest lists and, when the index
/// re-ranks, recomputes the exact distance of the best candidates.
/// </summary>
internal sealed class IvfLists
{
    [ThreadStatic]
    private static float[]? t_distances;

    private readonly Dictionary<long, (int List, int Slot)> _where = [];
    private readonly List<float[]> _centroids;
    private readonly List<IvfList> _lists;

    public IvfLists(IvfParameters parameters, VectorCodec codec, IEnumerable<float[]> centroids)
    {
        Parameters = parameters;
        Codec = codec;
        _centroids = centroids.ToList();
        _lists = _centroids.Select(_ => NewList()).ToList();
    }

    public IvfParameters Parameters { get; }

    public VectorCodec Codec { get; }

    public IReadOnlyList<float[]> Centroids => _centroids;

    public int LiveCount => _where.Count;

    /// <summary>Whether the last <see cref="Add"/> made a new centroid (an index created before there were rows to train on).</summary>
    public bool CentroidsChanged { get; set; }

    public float[]? Prepare(ReadOnlySpan<float> vector) => IndexedVectors.Prepare(Parameters.Metric, Parameters.Dimensions, vector);

    /// <summary>Adds a prepared vector; returns its list and code, for writing to pages.</summary>
    public (int List, byte[] Code) Add(long rowId, float[] prepared)
    {
        if (_centroids.Count < Parameters.Lists)
        {
            // Created on an empty table: the first vectors become the centroids.
            _centroids.Add(prepared);
            _lists.Add(NewList());
            CentroidsChanged = true;
        }

        var list = Nearest(prepared, 1)[0];
        var code = new byte[Codec.CodeSize];
        Codec.Encode(prepared, _centroids[list], code);
        Place(rowId, list, code, prepared);
        return (list, code);
    }

    /// <summary>Adds an entry as stored in pages.</summary>
    public void Place(long rowId, int list, ReadOnlySpan<byte> code, ReadOnlySpan<float> vector) =>
        _where[rowId] = (list, _lists[list].Add(rowId, code, vector));

    /// <summary>Removes a row; returns the list it was in, or null.</summary>
    public int? Remove(long rowId)
    {
        if (!_where.Remove(rowId, out var at))
        {
            return null;
        }

        if (_lists[at.List].RemoveAt(at.Slot) is { } moved)
        {
            _where[moved] = (at.List, at.Slot);
        }

        return at.List;
    }

    /// <summary>The k nearest rows that <paramref name="allowed"/> accepts among the <paramref name="probes"/> nearest lists, nearest first.</summary>
    public List<(long RowId, float Distance)> Search(ReadOnlySpan<float> query, int k, int probes, Func<long, bool>? allowed)
    {
        var prepared = Prepare(query);
        if (prepared is null || k <= 0 || _centroids.Count == 0)
        {
            return [];
        }

        var keep = Parameters.Rerank > 0 ? Math.Max(Parameters.Rerank, k) : k;
        // The best so far, worst on top (negated distances), each a number into the entries pushed.
        var best = new NodeHeap();
        var pushed = new List<(int List, int Slot)>();
        foreach (var list in Nearest(prepared, probes))
        {
            var entries = _lists[list];
            var distances = DistanceBuffer(entries.Count);
            Codec.Score(prepared, _centroids[list], entries.Codes, entries.Count, distances);
            for (var slot = 0; slot < entries.Count; slot++)
            {
                var distance = distances[slot];
                if ((best.Count < keep || distance < -best.MinKey) && !float.IsNaN(distance) && (allowed is null || allowed(entries.RowIdAt(slot))))
                {
                    best.Push(pushed.Count, -distance);
                    pushed.Add((list, slot));
                    if (best.Count > keep)
                    {
                        best.TryPop(out _, out _);
                    }
                }
            }
        }

        var found = new List<(long RowId, float Distance)>(best.Count);
        while (best.TryPop(out var number, out var negated))
        {
            var entry = pushed[number];
            var exact = Parameters.Rerank > 0 ? Codec.Distance(prepared, _lists[entry.List].VectorAt(entry.Slot)) : -negated;
            found.Add((_lists[entry.List].RowIdAt(entry.Slot), exact));
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.RowId.CompareTo(b.RowId));
        return found.Count > k ? found.GetRange(0, k) : found;
    }

    /// <summary>The <paramref name="count"/> lists whose centroids are nearest to a prepared vector, nearest first.</summary>
    public List<int> Nearest(float[] prepared, int count)
    {
        var ranked = new NodeHeap();
        for (var list = 0; list < _centroids.Count; list++)
        {
            var distance = Parameters.Metric == VectorMetric.NegativeInnerProduct
                ? -VectorDistance.Dot(prepared, _centroids[list])
                : VectorDistance.L2Squared(prepared, _centroids[list]);
            if (float.IsNaN(distance))
            {
                continue;
            }

            ranked.Push(list, -distance);
            if (ranked.Count > count)
            {
                ranked.TryPop(out _, out _);
            }
        }

        var nearest = new List<int>(ranked.Count);
        while (ranked.TryPop(out var list, out _))
        {
            nearest.Add(list);
        }

        nearest.Reverse();
        return nearest;
    }

    /// <summary>This thread's buffer for one list's distances, grown when a list outgrows it.</summary>
    private static float[] DistanceBuffer(int count)
    {
        if (t_distances is not { } buffer || buffer.Length < count)
        {
            t_distances = buffer = new float[Math.Max(count, 256)];
        }

        return buffer;
    }

    private IvfList NewList() => new(Codec.CodeSize, Parameters.Dimensions, Parameters.Rerank > 0);
}
