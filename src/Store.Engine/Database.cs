using Store.Core.Options;

namespace Store.Engine;

/// <summary>
/// A handle on a database file (or a private in-memory database for <see cref="MemoryPath"/>).
/// Handles on one file share its engine; each <see cref="Session"/> is one connection's state.
/// </summary>
public sealed class Database : IDisposable
{
    /// <summary>The path that opens a new private database in memory, as in SQLite.</summary>
    public const string MemoryPath = ":memory:";

    private readonly SharedDatabase _shared;
    private bool _disposed;

    private readonly Action<string>? _notices;

    private Database(SharedDatabase shared, bool readOnly, InferenceDevice device, Action<string>? notices)
    {
        _shared = shared;
        ReadOnly = readOnly || shared.ReadOnly;
        Device = device;
        _notices = notices;
    }

    /// <summary>The full path of the file, or <see cref="MemoryPath"/>.</summary>
    public string Path => _shared.Key;

    /// <summary>The shared pager, for benchmarks that time stages below a session.</summary>
    internal Storage.Paging.Pager Pager => _shared.Pager;

    /// <summary>The file's shared in-memory state, for benchmarks that time stages below a session.</summary>
    internal Access.DatabaseState State => _shared.State;

    /// <summary>Whether this handle refuses writes.</summary>
    public bool ReadOnly { get; }

    /// <summary>Where this handle's sessions run models.</summary>
    public InferenceDevice Device { get; }

    public static Database Open(string path, DatabaseOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DatabaseOptions();
        return new Database(DatabaseRegistry.Acquire(path, options), options.Mode == OpenMode.ReadOnly, options.Device, options.Notices);
    }

    /// <summary>A new session (connection state: transaction, settings) on this database.</summary>
    public Session OpenSession()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Session(_shared.Pager, _shared.State, ReadOnly, Inference.ModelHost.For(Device), _notices);
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            DatabaseRegistry.Release(_shared);
        }
    }
}
