using Store.Storage.Pages;

namespace Store.Storage.Paging;

/// <summary>How a database file is opened. Immutable; defaults are the ones a new user gets.</summary>
public sealed record PagerOptions
{
    /// <summary>Page size for a new file; an existing file keeps the size it was created with.</summary>
    public int PageSize { get; init; } = PageLayout.DefaultPageSize;

    /// <summary>Byte budget of the buffer pool.</summary>
    public long CacheBytes { get; init; } = 64L * 1024 * 1024;

    public SynchronousMode Synchronous { get; init; } = SynchronousMode.Full;

    public bool ReadOnly { get; init; }

    /// <summary>After a commit leaves at least this many frames in the WAL, checkpoint.</summary>
    public int AutoCheckpointFrames { get; init; } = 1000;

    /// <summary>How long a writer waits for another writer of the same process, and an open for another process to let go of the file, before "locked".</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where an open says that it is waiting for another process to close the file; standard error when null.</summary>
    public Action<string>? Notices { get; init; }
}
