using Store.Storage.Devices;

namespace Store.Testing;

/// <summary>
/// Wraps a device and throws <see cref="IOException"/> on chosen operations: the next write,
/// flush or read after a countdown, or every one while <see cref="FailAll"/> is set. Lets tests
/// check that I/O failures surface as typed errors and never lose committed data.
/// </summary>
internal sealed class FaultInjectingDevice(IStorageDevice inner) : IStorageDevice
{
    private readonly Dictionary<DeviceOperation, int> _countdown = [];
    private (long Offset, int KeptBytes)? _tear;

    public string Name => inner.Name;

    public long Length => inner.Length;

    /// <summary>While set, every operation of that kind fails.</summary>
    public HashSet<DeviceOperation> FailAll { get; } = [];

    /// <summary>How many operations of each kind have failed.</summary>
    public int Failures { get; private set; }

    /// <summary>Lets <paramref name="after"/> more operations of <paramref name="operation"/> succeed, then fails the next one.</summary>
    public void FailAfter(DeviceOperation operation, int after) => _countdown[operation] = after;

    /// <summary>
    /// The next write at <paramref name="offset"/> stores only its first <paramref name="keptBytes"/>
    /// bytes and then fails, as a power cut in the middle of a page write leaves it.
    /// </summary>
    public void TearNextWriteAt(long offset, int keptBytes) => _tear = (offset, keptBytes);

    public int Read(long offset, Span<byte> buffer)
    {
        Check(DeviceOperation.Read);
        return inner.Read(offset, buffer);
    }

    public void Write(long offset, ReadOnlySpan<byte> data)
    {
        if (_tear is { } tear && tear.Offset == offset)
        {
            _tear = null;
            inner.Write(offset, data[..Math.Min(tear.KeptBytes, data.Length)]);
            Failures++;
            throw new IOException($"injected torn write at {offset} on {inner.Name}");
        }

        Check(DeviceOperation.Write);
        inner.Write(offset, data);
    }

    public void Flush()
    {
        Check(DeviceOperation.Flush);
        inner.Flush();
    }

    public void SetLength(long length)
    {
        Check(DeviceOperation.Write);
        inner.SetLength(length);
    }

    public void Dispose() => inner.Dispose();

    private void Check(DeviceOperation operation)
    {
        var fail = FailAll.Contains(operation);
        if (!fail && _countdown.TryGetValue(operation, out var left))
        {
            if (left == 0)
            {
                _countdown.Remove(operation);
                fail = true;
            }
            else
            {
                _countdown[operation] = left - 1;
            }
        }

        if (fail)
        {
            Failures++;
            throw new IOException($"injected {operation.ToString().ToLowerInvariant()} failure on {inner.Name}");
        }
    }
}
