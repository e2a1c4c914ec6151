using Store.Core.Errors;
using Store.Storage.Paging;

namespace Store.Engine;

/// <summary>
/// The process-wide registry of open database files, one of the two pieces of static mutable
/// state in Store (the other is the model host of each device, <c>Inference.ModelHost</c>;
/// <c>tests/Store.Architecture.Tests</c> fails on any third). It maps a file's full path to its shared engine, so that every connection to a file
/// in this process uses one pager (one writer lock, one buffer pool, one WAL) and the file is
/// closed when the last handle goes. <c>:memory:</c> databases are private and never registered.
/// </summary>
internal static class DatabaseRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);

    public static SharedDatabase Acquire(string path, DatabaseOptions options)
    {
        if (path == Database.MemoryPath)
        {
            return new SharedDatabase(path, Pager.OpenInMemory(PagerOptionsFor(options)), readOnly: false) { References = 1 };
        }

        var key = Path.GetFullPath(path);
        lock (Gate)
        {
            if (!Open.TryGetValue(key, out var shared))
            {
                if (options.Mode == OpenMode.ReadWrite && !File.Exists(key))
                {
                    throw StoreErrors.NotFound("database file", key);
                }

                shared = new SharedDatabase(key, Pager.Open(key, PagerOptionsFor(options)), options.Mode == OpenMode.ReadOnly);
                Open.Add(key, shared);
            }
            else if (shared.ReadOnly && options.Mode != OpenMode.ReadOnly)
            {
                throw StoreErrors.ReadOnly($"'{key}' is already open read-only in this process");
            }

            shared.References++;
            return shared;
        }
    }

    public static void Release(SharedDatabase shared)
    {
        if (shared.Key == Database.MemoryPath)
        {
            shared.Pager.Dispose();
            return;
        }

        lock (Gate)
        {
            if (--shared.References == 0)
            {
                Open.Remove(shared.Key);
                shared.Pager.Dispose();
            }
        }
    }

    /// <summary>
    /// How many handles share the engine of the file at <paramref name="path"/> (0 when it is not
    /// open); for tests of the registry, which run beside other tests opening other files.
    /// </summary>
    public static int HandlesOf(string path)
    {
        lock (Gate)
        {
            return Open.TryGetValue(Path.GetFullPath(path), out var shared) ? shared.References : 0;
        }
    }

    private static PagerOptions PagerOptionsFor(DatabaseOptions options) => new()
    {
        PageSize = options.PageSize,
        CacheBytes = options.CacheBytes,
        Synchronous = options.Synchronous switch
        {
            SyncMode.Off => SynchronousMode.Off,
            SyncMode.Normal => SynchronousMode.Normal,
            _ => SynchronousMode.Full,
        },
        ReadOnly = options.Mode == OpenMode.ReadOnly,
        BusyTimeout = options.BusyTimeout,
        Notices = options.Notices,
    };
}
