using Store.Core.Errors;
using Store.Storage.Buffers;
using Store.Storage.Devices;
using Store.Storage.Pages;
using Store.Storage.Wal;

namespace Store.Storage.Paging;

/// <summary>
/// The pager: owns the main file, the WAL and the buffer pool, and hands out transactions —
/// one writer at a time and any number of snapshot readers, as in SQLite's WAL mode. It is
/// the only code that touches the devices. Thread-safe; transactions themselves are not.
/// </summary>
internal sealed partial class Pager : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writerGate = new(1, 1);
    private readonly IStorageDevice _main;
    private readonly WriteAheadLog _wal;
    private readonly WalIndex _index = new();
    private readonly List<Snapshot> _readers = [];
    private readonly PagerOptions _options;

    /// <summary>Log generation: bumped when the log restarts, so stale frame numbers are never reused.</summary>
    private int _generation;

    /// <summary>Frames already copied into the main file.</summary>
    private int _backfilled;

    private uint _pageCount;
    private ulong _lastLsn;

    /// <summary>
    /// Whether the main file's header says the current log generation may hold commits (its
    /// log binding is pending and names this generation); until it does, no frame may be
    /// appended. Guarded by the writer gate.
    /// </summary>
    private bool _logBound;

    /// <summary>
    /// The main file is version 1, whose header has no log binding: commits do not bind the log,
    /// so the file stays one that version 1 reads, until a checkpoint writes page 0 as version 2.
    /// Guarded by the writer gate.
    /// </summary>
    private bool _versionOneHeader;

    /// <summary>Set after a failed write or fsync, or detected corruption: writes are refused until reopen.</summary>
    private Exception? _failure;
    private bool _disposed;

    private Pager(IStorageDevice main, WriteAheadLog wal, WalRecovery recovery, int pageSize, byte[] mainHeader, PagerOptions options)
    {
        _main = main;
        _wal = wal;
        _options = options;
        PageSize = pageSize;
        Pool = new BufferPool(pageSize, options.CacheBytes);
        foreach (var (page, frame) in recovery.Frames)
        {
            _index.Add(page, frame);
        }

        _pageCount = recovery.Frames.Count > 0 ? recovery.DatabaseSize : HeaderPage.GetPageCount(mainHeader);
        _lastLsn = Math.Max(recovery.LastLsn, HeaderPage.GetLastLsn(mainHeader));

        // A pending binding names this log: the open refuses a log it does not name.
        _logBound = HeaderPage.GetLogBinding(mainHeader) is { Pending: true };
        _versionOneHeader = HeaderPage.GetFormatVersion(mainHeader) < HeaderPage.FormatVersion;
    }

    public int PageSize { get; }

    public string Name => _main.Name;

    public BufferPool Pool { get; }

    /// <summary>Opens or creates the database at <paramref name="path"/> with its WAL at <c>path-wal</c>.</summary>
    public static Pager Open(string path, PagerOptions options)
    {
        if (FileKind.IsSomethingElse(path))
        {
            throw StoreErrors.NotADatabase(path, "it is not a regular file (a folder, device, FIFO or socket)");
        }

        var exists = File.Exists(path);
        if (!exists && options.ReadOnly)
        {
            throw StoreErrors.Io("open", path, new FileNotFoundException("no such file", path));
        }

        if (exists && !options.ReadOnly && OperatingSystem.IsLinux() && (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
        {
            // Root ignores permission bits, so honour them here: a read-only file is never written.
            throw StoreErrors.ReadOnly($"'{path}' is a read-only file; open it with read-only mode");
        }

        var notices = options.Notices ?? Console.Error.WriteLine;
        var main = FileDevice.Open(path, options.ReadOnly, create: true, options.BusyTimeout, notices);
        try
        {
            var walPath = path + "-wal";
            return Open(main, () => FileDevice.Open(walPath, options.ReadOnly, create: !options.ReadOnly, options.BusyTimeout, notices), options, File.Exists(walPath));
        }
        catch
        {
            main.Dispose();
            throw;
        }
    }

    /// <summary>A database that lives in memory only (<c>:memory:</c>).</summary>
    public static Pager OpenInMemory(PagerOptions options) =>
        Open(new MemoryDevice(), () => new MemoryDevice(":memory:-wal"), options with { Synchronous = SynchronousMode.Off }, hasWal: true);

    /// <summary>
    /// Opens over given devices; tests use this to inject faults. <paramref name="hasWal"/> says
    /// whether the log exists: without it <paramref name="openWal"/> is called only to create one,
    /// for a read-write open whose header needs no log.
    /// </summary>
    public static Pager Open(IStorageDevice main, Func<IStorageDevice> openWal, PagerOptions options, bool hasWal = true)
    {
        if (!PageLayout.IsValidPageSize(options.PageSize))
        {
            throw StoreErrors.InvalidArgument($"page size {options.PageSize} is not a power of two between {PageLayout.MinPageSize} and {PageLayout.MaxPageSize}");
        }

        var header = FileFormat.ReadOrCreateHeader(main, options);
        var pageSize = HeaderPage.GetPageSize(header);
        var binding = HeaderPage.GetLogBinding(header);
        if (!hasWal && binding is { Pending: true } expected)
        {
            throw WriteAheadLog.Missing(main.Name + "-wal", expected, "is missing");
        }

        IStorageDevice walDevice = hasWal || !options.ReadOnly ? openWal() : new MemoryDevice(main.Name + "-wal");
        WriteAheadLog wal;
        WalRecovery recovery;
        try
        {
            wal = WriteAheadLog.Open(walDevice, pageSize, binding, options.ReadOnly, out recovery);
        }
        catch (IOException e)
        {
            walDevice.Dispose();
            throw StoreErrors.Io("recovery", walDevice.Name, e);
        }
        catch
        {
            // A log left open would keep its lock, and the next open of the database would find it locked.
            walDevice.Dispose();
            throw;
        }

        // Every commit writes page 0, so a log with committed frames holds a newer, intact
        // image of it; the main file's copy matters (and must be whole) only without one.
        // A checkpoint torn inside page 0 is then repaired by the next checkpoint.
        if (recovery.Frames.Count == 0 && !FileFormat.IsHeaderIntact(header))
        {
            wal.Dispose();
            throw StoreErrors.Corruption(0, "file header fails its checksum");
        }

        return new Pager(main, wal, recovery, pageSize, header, options);
    }

    /// <summary>Starts a read transaction on the latest committed state.</summary>
    public ReadTransaction BeginRead() => new(this, TakeSnapshot());

    /// <summary>
    /// Starts the write transaction, waiting up to the busy timeout for another writer of this
    /// process to finish. Another process cannot get here: it failed to open the file.
    /// </summary>
    public WriteTransaction BeginWrite()
    {
        ThrowIfCannotWrite();
        if (!_writerGate.Wait(_options.BusyTimeout))
        {
            throw StoreErrors.Busy(Name, _options.BusyTimeout);
        }

        Snapshot? snapshot = null;
        try
        {
            ThrowIfCannotWrite();
            snapshot = TakeSnapshot();
            return new WriteTransaction(this, snapshot);
        }
        catch
        {
            // A registered snapshot that nobody releases would cap every later checkpoint.
            if (snapshot is not null)
            {
                ReleaseSnapshot(snapshot);
            }

            _writerGate.Release();
            throw;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_options.ReadOnly && _failure is null && _writerGate.Wait(_options.BusyTimeout))
        {
            try
            {
                CheckpointLocked();
            }
            catch (StoreException)
            {
                // Closing must not fail: the WAL still holds every commit and recovery replays it.
            }
            finally
            {
                _writerGate.Release();
            }
        }

        _wal.Dispose();
        _main.Dispose();
    }

    internal void ReleaseSnapshot(Snapshot snapshot)
    {
        lock (_gate)
        {
            _readers.Remove(snapshot);
        }
    }

    internal void EndWrite() => _writerGate.Release();

    private Snapshot TakeSnapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            var snapshot = new Snapshot(_generation, _wal.CommittedFrames, _pageCount, _lastLsn);
            _readers.Add(snapshot);
            return snapshot;
        }
    }

    private void ThrowIfCannotWrite()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_options.ReadOnly)
        {
            throw StoreErrors.ReadOnly($"'{Name}' was opened read-only");
        }

        if (_failure is not null)
        {
            throw StoreErrors.Poisoned(_failure);
        }
    }

    private void Poison(Exception cause)
    {
        lock (_gate)
        {
            _failure ??= cause;
        }
    }
}
