namespace Store.Storage.Buffers;

/// <summary>
/// A read-only view of a page, pinned in the buffer pool until disposed. Use it in a
/// <c>using</c> scope and keep no span into it past that scope (STYLE.md habit 4).
/// </summary>
internal readonly struct PageHandle : IDisposable
{
    private readonly byte[] _image;
    private readonly BufferPool? _pool;
    private readonly BufferEntry? _entry;

    /// <summary>A pinned pool page.</summary>
    public PageHandle(uint pageNumber, BufferPool pool, BufferEntry entry)
    {
        PageNumber = pageNumber;
        _image = entry.Image;
        _pool = pool;
        _entry = entry;
    }

    /// <summary>A page image owned by a write transaction; nothing to unpin.</summary>
    public PageHandle(uint pageNumber, byte[] image)
    {
        PageNumber = pageNumber;
        _image = image;
    }

    public uint PageNumber { get; }

    /// <summary>The whole page, trailer included.</summary>
    public ReadOnlySpan<byte> Bytes => _image;

    public void Dispose()
    {
        if (_entry is not null)
        {
            _pool!.Unpin(_entry);
        }
    }
}
