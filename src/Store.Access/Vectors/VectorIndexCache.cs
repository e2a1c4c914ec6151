using System.Runtime.CompilerServices;
using Store.Storage.Paging;

namespace Store.Access.Vectors;

/// <summary>
/// The loaded vector indexes of one database (HNSW graphs, IVF lists), one per index B+tree
/// root, shared by all its transactions so that a search walks memory, not pages. Each graph is tagged with the
/// version of the index it reflects: the commit LSN of the last transaction that changed the
/// index, which that transaction also writes into the index's pages. A reader uses the graph
/// only when its own view of the index has that version and no writer is changing it;
/// otherwise it is told no (and answers exactly, without the index). The writer changes the
/// graph in place and tags it with its own coming commit LSN; if it rolls back, or undoes part
/// of its work, the graph is dropped and reloaded from pages when next needed.
/// </summary>
internal sealed class VectorIndexCache
{
    private static readonly ConditionalWeakTable<Pager, VectorIndexCache> ByDatabase = [];

    private readonly Dictionary<uint, Entry> _entries = [];

    public static VectorIndexCache Of(ReadTransaction txn) => ByDatabase.GetValue(txn.Pager, static _ => new VectorIndexCache());

    /// <summary>
    /// Runs <paramref name="read"/> on the graph of the index at <paramref name="root"/> when a
    /// graph matching <paramref name="txn"/>'s view (<paramref name="version"/>) is or can be
    /// loaded; false when the cached graph belongs to another view.
    /// </summary>
    public bool TryRead<TIndex, T>(ReadTransaction txn, uint root, ulong version, Func<TIndex> load, Func<TIndex, T> read, out T result)
        where TIndex : class
    {
        var entry = EntryOf(root);
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
    /// Runs <paramref name="write"/> on the graph of the index at <paramref name="root"/> for the
    /// write transaction, loading it from the transaction's pages when the cached one does not
    /// match them, and marks the graph as being changed by this transaction.
    /// </summary>
    public T Write<TIndex, T>(WriteTransaction txn, uint root, ulong version, Func<TIndex> load, Func<TIndex, T> write)
        where TIndex : class
    {
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

            return write((TIndex)entry.Graph!);
        }
        finally
        {
            entry.Lock.ExitWriteLock();
        }
    }

    /// <summary>Installs a graph just built by <paramref name="txn"/> (CREATE INDEX).</summary>
    public void Install(WriteTransaction txn, uint root, object graph)
    {
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

    /// <summary>Settles a finished writer: its graph becomes the committed version, or is dropped if it rolled back.</summary>
    private static void Resolve(Entry entry)
    {
        if (entry.Writer is { } writer)
        {
            if (writer.IsCommitted)
            {
                entry.Writer = null;
            }
            else if (writer.IsRolledBack)
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
    }
}
