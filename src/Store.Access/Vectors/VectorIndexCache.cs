using Store.Storage.Paging;

namespace Store.Access.Vectors;

/// <summary>
/// The loaded vector indexes of one database (HNSW graphs, IVF lists), one per index B+tree
/// root, held by its <see cref="DatabaseState"/> and shared by all its transactions so that a search walks memory, not pages. Each graph is tagged with the
/// version of the index it reflects: the commit LSN of the last transaction that changed the
/// index, which that transaction also writes into the index's pages. A reader uses the graph
/// only when its own view of the index has that version and no writer is changing it;
/// otherwise it is told no (and answers exactly, without the index). The writer changes the
/// graph in place and tags it with its own coming commit LSN; if it rolls back, or undoes part
/// of its work, the graph is dropped and reloaded from pages when next needed.
/// </summary>
internal sealed class VectorIndexCache
{
    private readonly Dictionary<uint, Entry> _entries = [];

    /// <summary>
    /// Runs <paramref name="read"/> on the index at <paramref name="root"/> when one matching
    /// <paramref name="txn"/>'s view of it (its <see cref="VectorIndexVersion"/>) is or can be
    /// loaded; false when the loaded index belongs to another view.
    /// </summary>
    public bool TryRead<TIndex, T>(ReadTransaction txn, uint root, Func<TIndex> load, Func<TIndex, T> read, out T result)
        where TIndex : class
    {
        var entry = EntryOf(root);
        var version = VersionIn(txn, root, entry);
        entry.Lock.EnterReadLock();
        try
        {
            if (Usable(entry, txn, version))
            {
                result = read((TIndex)entry.Graph!);
                return true;
            }
        }
        finally
        {
            entry.Lock.ExitReadLock();
        }

        entry.Lock.EnterWriteLock();
        try
        {
            lock (_entries)
            {
                Resolve(entry);
                var loadable = entry.Graph is null || (entry.Writer is null && version > entry.Version);
                if (!loadable && !Usable(entry, txn, version))
                {
                    result = default!;
                    return false;
                }
            }

            if (!Usable(entry, txn, version))
            {
                (entry.Graph, entry.Version) = (load(), version);
            }

            result = read((TIndex)entry.Graph!);
            return true;
        }
        finally
        {
            entry.Lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the index at <paramref name="root"/> for the write
    /// transaction, loading it from the transaction's pages when the loaded one does not match
    /// them, and marks the index, loaded and in its pages, as changed by this transaction.
    /// </summary>
    public void Write<TIndex>(ReadTransaction transaction, uint root, Func<TIndex> load, Action<TIndex> write)
        where TIndex : class
    {
        var txn = Writer(transaction);
        var version = VectorIndexVersion.Read(txn, root);
        var entry = EntryOf(root);
        entry.Lock.EnterWriteLock();
        try
        {
            bool current;
            lock (_entries)
            {
                Resolve(entry);
                current = entry.Graph is not null
                    && (entry.Writer == txn ? entry.WriterUndoCount == txn.UndoCount : entry.Writer is null && entry.Version == version);
            }

            if (!current)
            {
                entry.Graph = load();
            }

            lock (_entries)
            {
                (entry.Writer, entry.WriterUndoCount, entry.Version) = (txn, txn.UndoCount, txn.CommitLsn);
            }

            write((TIndex)entry.Graph!);
        }
        finally
        {
            entry.Lock.ExitWriteLock();
        }

        VectorIndexVersion.MarkChanged(txn, root);
    }

    /// <summary>Installs an index just built and written by the transaction (CREATE INDEX), and marks it changed.</summary>
    public void Install(ReadTransaction transaction, uint root, object graph)
    {
        var txn = Writer(transaction);
        VectorIndexVersion.MarkChanged(txn, root);
        var entry = EntryOf(root);
        entry.Lock.EnterWriteLock();
        try
        {
            lock (_entries)
            {
                (entry.Graph, entry.Writer, entry.WriterUndoCount, entry.Version) = (graph, txn, txn.UndoCount, txn.CommitLsn);
            }
        }
        finally
        {
            entry.Lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The index's version in <paramref name="txn"/>'s view. Every reader of one commit sees the
    /// same version, so the last one a reader read is kept with its snapshot's LSN and reused by
    /// readers of that snapshot, sparing a B+tree lookup per query; a writer's own changes are in
    /// no committed snapshot, so a writer always reads it.
    /// </summary>
    private static ulong VersionIn(ReadTransaction txn, uint root, Entry entry)
    {
        var reader = txn is not WriteTransaction;
        if (reader && entry.LastRead is { } last && last.SnapshotLsn == txn.Lsn)
        {
            return last.Version;
        }

        var version = VectorIndexVersion.Read(txn, root);
        if (reader)
        {
            entry.LastRead = new VersionRead(txn.Lsn, version);
        }

        return version;
    }

    private static WriteTransaction Writer(ReadTransaction txn) => txn as WriteTransaction ?? throw Core.Errors.StoreErrors.ReadOnlyTransaction();

    private Entry EntryOf(uint root)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(root, out var entry))
            {
                entry = new Entry();
                _entries[root] = entry;
            }

            return entry;
        }
    }

    private bool Usable(Entry entry, ReadTransaction txn, ulong version)
    {
        lock (_entries)
        {
            Resolve(entry);
            return entry.Graph is not null
                && (entry.Writer is null ? entry.Version == version : entry.Writer == txn && entry.WriterUndoCount == ((WriteTransaction)txn).UndoCount);
        }
    }

    /// <summary>
    /// Settles a finished writer: its graph becomes the committed version, or is dropped if it
    /// rolled back, or if it committed after undoing part of its work since it last changed the
    /// graph (a failed statement's savepoint), which the graph still holds.
    /// </summary>
    private static void Resolve(Entry entry)
    {
        if (entry.Writer is { } writer)
        {
            if (writer.IsCommitted && entry.WriterUndoCount == writer.UndoCount)
            {
                entry.Writer = null;
            }
            else if (writer.IsCommitted || writer.IsRolledBack)
            {
                (entry.Graph, entry.Writer) = (null, null);
            }
        }
    }

    private sealed class Entry
    {
        public ReaderWriterLockSlim Lock { get; } = new();

        public object? Graph { get; set; }

        public ulong Version { get; set; }

        public WriteTransaction? Writer { get; set; }

        public int WriterUndoCount { get; set; }

        /// <summary>The version the last reader read, with its snapshot's LSN; replaced whole, so readers on several threads see one pair or the other.</summary>
        public VersionRead? LastRead { get; set; }
    }

    private sealed record VersionRead(ulong SnapshotLsn, ulong Version);
}
