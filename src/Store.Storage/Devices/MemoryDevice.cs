namespace Store.Storage.Devices;

/// <summary>
/// A device held in a growable byte array: the backing of <c>:memory:</c> databases and a
/// fast stand-in for a file in tests. Flush is a no-op: there is nothing to make durable.
/// </summary>
internal sealed class MemoryDevice : IStorageDevice
{
    private readonly Lock _gate = new();
    private byte[] _bytes = [];
    private long _length;

    public MemoryDevice(string name = ":memory:") => Name = name;

    public string Name { get; }

    public long Length
    {
        get
        {
            lock (_gate)
            {
                return _length;
            }
        }
    }

    public int Read(long offset, Span<byte> buffer)
    {
        lock (_gate)
        {
            if (offset >= _length)
            {
                return 0;
            }

            var n = (int)Math.Min(buffer.Length, _length - offset);
            _bytes.AsSpan((int)offset, n).CopyTo(buffer);
            return n;
        }
    }

    public void Write(long offset, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            var end = offset + data.Length;
            EnsureCapacity(end);
            data.CopyTo(_bytes.AsSpan((int)offset));
            _length = Math.Max(_length, end);
        }
    }

    public void Flush()
    {
    }

    public void SetLength(long length)
    {
        lock (_gate)
        {
            EnsureCapacity(length);
            if (length < _length)
            {
                _bytes.AsSpan((int)length, (int)(_length - length)).Clear();
            }

            _length = length;
        }
    }

    public void Dispose()
    {
    }

    private void EnsureCapacity(long needed)
    {
        if (needed > int.MaxValue)
        {
            throw new IOException($"in-memory database cannot grow past {int.MaxValue} bytes");
        }

        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Max(needed, Math.Min(int.MaxValue, _bytes.Length * 2L)));
        }
    }
}
