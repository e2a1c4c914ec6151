namespace Store.Storage.Devices;

/// <summary>
/// The one OS boundary of the engine: a flat, byte-addressed store that the pager reads and
/// writes in page-sized pieces. Implementations: <see cref="FileDevice"/> (a real file),
/// <see cref="MemoryDevice"/> (<c>:memory:</c> databases) and, in tests, a fault-injecting
/// wrapper. Implementations throw <see cref="IOException"/>; the pager turns that into a
/// typed <see cref="Core.Errors.StoreException"/>.
/// </summary>
internal interface IStorageDevice : IDisposable
{
    /// <summary>A name for messages: the path, or a description.</summary>
    string Name { get; }

    /// <summary>The current length in bytes.</summary>
    long Length { get; }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes; returns fewer only at the end.</summary>
    int Read(long offset, Span<byte> buffer);

    void Write(long offset, ReadOnlySpan<byte> data);

    /// <summary>Makes every completed write durable (fsync).</summary>
    void Flush();

    void SetLength(long length);
}
