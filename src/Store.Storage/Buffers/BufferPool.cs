namespace Store.Storage.Buffers;

/// <summary>
/// A cache of clean page images with a byte budget. Readers pin pages while they use them;
/// unpinned pages are evicted least-recently-used first once the budget is exceeded. Pinned
/// pages are never evicted, so the pool may run over budget while many pages are pinned.
/// </summary>
internal sealed class BufferPool
{
    /// <summary>Keeps tiny budgets workable: a B+tree descent pins a handful of pages at once.</summary>
    private const int MinimumPages = 16;

    /// <summary>Evicted images kept for reuse, so a scan larger than the pool does not allocate a page per read.</summary>
    private const int MaxSpareBuffers = 64;

    private readonly Lock _gate = new();
    private readonly Stack<byte[]> _spare = new();
    private readonly Dictionary<PageKey, BufferEntry> _entries = [];
    private readonly LinkedList<BufferEntry> _recency = new();
    private readonly int _pageSize;
    private readonly int _capacityPages;
    private readonly long _budgetBytes;
    private long _hits;
    private long _misses;
    private long _evictions;

    public BufferPool(int pageSize, long budgetBytes)
    {
        _pageSize = pageSize;
        _budgetBytes = budgetBytes;
        _capacityPages = (int)Math.Clamp(budgetBytes / pageSize, MinimumPages, int.MaxValue);
    }

    public BufferPoolStats Stats
    {
        get
        {
            lock (_gate)
            {
                return new BufferPoolStats(_hits, _misses, _evictions, _entries.Count, (long)_entries.Count * _pageSize, _budgetBytes);
            }
        }
    }

    /// <summary>A page-sized buffer to read into: a recycled evicted image when there is one.</summary>
    public byte[] RentBuffer()
    {
        lock (_gate)
        {
            return _spare.TryPop(out var buffer) ? buffer : new byte[_pageSize];
        }
    }

    /// <summary>Takes back a rented buffer that was not added (a failed read or a lost race).</summary>
    public void ReturnBuffer(byte[] buffer)
    {
        lock (_gate)
        {
            Recycle(buffer);
        }
    }

    public bool TryPin(PageKey key, out PageHandle handle)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                _hits++;
                entry.Pins++;
                _recency.Remove(entry.Node!);
                _recency.AddFirst(entry.Node!);
                handle = new PageHandle(key.Page, this, entry);
                return true;
            }

            _misses++;
            handle = default;
            return false;
        }
    }

    /// <summary>Adds a freshly read image, pinned; if another thread added it first, pins that one.</summary>
    public PageHandle AddPinned(PageKey key, byte[] image)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                EvictToFit();
                entry = new BufferEntry(key, image);
                entry.Node = _recency.AddFirst(entry);
                _entries.Add(key, entry);
            }
            else if (!ReferenceEquals(entry.Image, image))
            {
                Recycle(image);
            }

            entry.Pins++;
            return new PageHandle(key.Page, this, entry);
        }
    }

    /// <summary>Drops an image that no longer matches what it names (the main file changed under it).</summary>
    public void Invalidate(PageKey key)
    {
        lock (_gate)
        {
            // A pinned holder keeps its own reference to the image; it just stops being findable.
            if (_entries.Remove(key, out var entry))
            {
                _recency.Remove(entry.Node!);
            }
        }
    }

    public void Unpin(BufferEntry entry)
    {
        lock (_gate)
        {
            System.Diagnostics.Debug.Assert(entry.Pins > 0, "unpin of an unpinned page");
            entry.Pins--;
        }
    }

    private void EvictToFit()
    {
        var node = _recency.Last;
        while (_entries.Count >= _capacityPages && node is not null)
        {
            var previous = node.Previous;
            if (node.Value.Pins == 0)
            {
                _entries.Remove(node.Value.Key);
                _recency.Remove(node);
                _evictions++;
                Recycle(node.Value.Image);
            }

            node = previous;
        }
    }

    private void Recycle(byte[] buffer)
    {
        if (_spare.Count < MaxSpareBuffers && buffer.Length == _pageSize)
        {
            _spare.Push(buffer);
        }
    }
}
