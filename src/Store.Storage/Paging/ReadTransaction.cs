using Store.Core.Errors;
using Store.Storage.Buffers;
using Store.Storage.Pages;

namespace Store.Storage.Paging;

/// <summary>
/// A consistent, read-only view of the database as of the moment it began. Writers that
/// commit later are invisible to it. Not thread-safe: one transaction, one thread.
/// </summary>
internal class ReadTransaction : IDisposable
{
    private bool _closed;

    internal ReadTransaction(Pager pager, Snapshot snapshot)
    {
        Pager = pager;
        Snapshot = snapshot;
    }

    public int PageSize => Pager.PageSize;

    /// <summary>The LSN of the last commit this transaction sees.</summary>
    public ulong Lsn => Snapshot.Lsn;

    /// <summary>Pages in the database as this transaction sees it, page 0 and free pages included.</summary>
    public virtual uint PageCount => Snapshot.PageCount;

    /// <summary>The database this transaction reads; access methods key per-database caches on it.</summary>
    internal Pager Pager { get; }

    protected Snapshot Snapshot { get; }

    /// <summary>Pins the page; dispose the handle when done with it.</summary>
    public virtual PageHandle Read(uint page)
    {
        ThrowIfClosed();
        return Pager.ReadPage(Snapshot, page);
    }

    /// <summary>One of the access layer's root slots in the file header.</summary>
    public uint GetRoot(int slot)
    {
        using var header = Read(0);
        return HeaderPage.GetRoot(header.Bytes, slot);
    }

    /// <summary>The head of the free list and its length, for the integrity check.</summary>
    public (uint Head, uint Count) GetFreeList()
    {
        using var header = Read(0);
        return (HeaderPage.GetFreeHead(header.Bytes), HeaderPage.GetFreeCount(header.Bytes));
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            Close();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Ends the transaction; the write transaction rolls back here.</summary>
    protected virtual void Close() => Pager.ReleaseSnapshot(Snapshot);

    protected void ThrowIfClosed()
    {
        if (_closed)
        {
            throw StoreErrors.TransactionClosed();
        }
    }

    protected void MarkClosed() => _closed = true;
}
