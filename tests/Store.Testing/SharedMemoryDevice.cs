using Store.Storage.Devices;

namespace Store.Testing;

/// <summary>
/// A device over a <see cref="MemoryDevice"/> that outlives the pager using it: disposing
/// the wrapper leaves the bytes, so a test can "reopen" the same in-memory files, or damage
/// them in between, without touching the disk.
/// </summary>
internal sealed class SharedMemoryDevice(MemoryDevice bytes) : IStorageDevice
{
    public string Name => bytes.Name;

    public long Length => bytes.Length;

    public int Read(long offset, Span<byte> buffer) => bytes.Read(offset, buffer);

    public void Write(long offset, ReadOnlySpan<byte> data) => bytes.Write(offset, data);

    public void Flush() => bytes.Flush();

    public void SetLength(long length) => bytes.SetLength(length);

    public void Dispose()
    {
    }
}
