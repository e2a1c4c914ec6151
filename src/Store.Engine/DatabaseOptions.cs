using Store.Core.Options;

namespace Store.Engine;

/// <summary>
/// Options for opening a database. Within one process every open of a file shares one engine,
/// so the options of the first open hold for all (a later read-only open still cannot write).
/// </summary>
public sealed record DatabaseOptions
{
    public OpenMode Mode { get; init; } = OpenMode.ReadWriteCreate;

    /// <summary>The buffer pool's memory budget in bytes.</summary>
    public long CacheBytes { get; init; } = 64L * 1024 * 1024;

    public SyncMode Synchronous { get; init; } = SyncMode.Full;

    /// <summary>Page size of a new file (a power of two from 4 KiB to 64 KiB); an existing file keeps its own.</summary>
    public int PageSize { get; init; } = 8192;

    /// <summary>
    /// How long a write waits for another writer of this process, and an open waits for another
    /// process to close the file, before failing with "database is locked".
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where this handle's sessions run models (<c>embed</c> and friends): the GPU when usable, by default.</summary>
    public InferenceDevice Device { get; init; } = InferenceDevice.Auto;

    /// <summary>
    /// Where this handle's sessions give one-line notices, such as a model falling back from the
    /// GPU to the CPU; standard error when null. The shell passes its own writer.
    /// </summary>
    public Action<string>? Notices { get; init; }
}
