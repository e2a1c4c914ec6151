using Store.Core.Errors;
using Store.Storage.Buffers;
using Store.Storage.Pages;

namespace Store.Storage.Paging;

/// <summary>
/// The one write transaction: reads its own writes, keeps changed pages in memory until
/// commit, and allocates and frees pages through the free list. Disposing without
/// <see cref="Commit"/> rolls back, which is simply forgetting the changed pages. Savepoints
/// undo part of a transaction (a failed statement inside a longer one): each keeps the image
/// every page had before its first change after the savepoint began.
/// </summary>
internal sealed class WriteTransaction : ReadTransaction
{
    private readonly Dictionary<uint, byte[]> _dirty = [];
    private readonly byte[] _header;
    private readonly List<Savepoint> _savepoints = [];

    internal WriteTransaction(Pager pager, Snapshot snapshot)
        : base(pager, snapshot)
    {
        _header = CopyForWrite(0);
    }

    public override uint PageCount => HeaderPage.GetPageCount(_header);

    /// <summary>Whether <see cref="Commit"/> succeeded.</summary>
    public bool IsCommitted { get; private set; }

    /// <summary>Whether the transaction ended without committing (rolled back or disposed).</summary>
    public bool IsRolledBack { get; private set; }

    /// <summary>
    /// How many times part of this transaction was undone (<see cref="RollbackTo"/>); state kept
    /// outside the pages and built during the transaction is stale once this changes.
    /// </summary>
    public int UndoCount { get; private set; }

    /// <summary>The LSN this transaction's commit will carry: writers are serialised, so it is the next one.</summary>
    public ulong CommitLsn => Lsn + 1;

    public override PageHandle Read(uint page)
    {
        ThrowIfClosed();
        return _dirty.TryGetValue(page, out var image) ? new PageHandle(page, image) : Pager.ReadPage(Snapshot, page);
    }

    /// <summary>
    /// The page's bytes for writing, valid until the transaction ends. The first call copies
    /// the committed image; the trailer's LSN and checksum are set at commit.
    /// </summary>
    public Span<byte> Write(uint page)
    {
        ThrowIfClosed();
        if (page >= PageCount)
        {
            throw StoreErrors.Internal($"write to page {page} past the end ({PageCount} pages)");
        }

        Touch(page);
        return _dirty.TryGetValue(page, out var image) ? image : CopyForWrite(page);
    }

    /// <summary>A zeroed page of <paramref name="type"/>, reused from the free list when it has one.</summary>
    public uint Allocate(PageType type)
    {
        ThrowIfClosed();
        uint page;
        var head = HeaderPage.GetFreeHead(_header);
        if (head != 0)
        {
            page = head;
            uint next;
            using (var free = Read(head))
            {
                if (PageLayout.GetType(free.Bytes) != PageType.Free)
                {
                    throw StoreErrors.Corruption(head, $"free list entry is a {PageLayout.GetType(free.Bytes)} page");
                }

                next = FreePage.GetNext(free.Bytes);
            }

            HeaderPage.SetFreeHead(_header, next);
            HeaderPage.SetFreeCount(_header, HeaderPage.GetFreeCount(_header) - 1);
        }
        else
        {
            page = PageCount;
            if (page == uint.MaxValue)
            {
                throw StoreErrors.TooLarge("database", (long)page * PageSize, (long)uint.MaxValue * PageSize);
            }

            HeaderPage.SetPageCount(_header, page + 1);
        }

        Touch(page);
        var image = new byte[PageSize];
        PageLayout.SetType(image, type);
        _dirty[page] = image;
        return page;
    }

    /// <summary>Returns a page to the free list.</summary>
    public void Free(uint page)
    {
        ThrowIfClosed();
        if (page == 0 || page >= PageCount)
        {
            throw StoreErrors.Internal($"free of page {page} outside 1..{PageCount - 1}");
        }

        var image = Write(page);
        if (PageLayout.GetType(image) == PageType.Free)
        {
            throw StoreErrors.Corruption(page, "page freed twice");
        }

        FreePage.Initialize(image, HeaderPage.GetFreeHead(_header));
        HeaderPage.SetFreeHead(_header, page);
        HeaderPage.SetFreeCount(_header, HeaderPage.GetFreeCount(_header) + 1);
    }

    public void SetRoot(int slot, uint root)
    {
        ThrowIfClosed();
        HeaderPage.SetRoot(_header, slot, root);
    }

    /// <summary>Makes every change durable (per the synchronous mode) and visible to new readers.</summary>
    public void Commit()
    {
        ThrowIfClosed();
        MarkClosed();
        try
        {
            Pager.Commit(Snapshot, _dirty);
            IsCommitted = true;
        }
        finally
        {
            Pager.ReleaseSnapshot(Snapshot);
            Pager.EndWrite();
        }
    }

    public void Rollback() => Dispose();

    /// <summary>Starts a savepoint; savepoints nest.</summary>
    public Savepoint BeginSavepoint()
    {
        ThrowIfClosed();
        var savepoint = new Savepoint((byte[])_header.Clone());
        _savepoints.Add(savepoint);
        return savepoint;
    }

    /// <summary>Undoes every change made since <paramref name="savepoint"/> began, and ends it and any nested in it.</summary>
    public void RollbackTo(Savepoint savepoint)
    {
        ThrowIfClosed();
        var position = PositionOf(savepoint);
        foreach (var (page, before) in savepoint.PreImages)
        {
            if (before is null)
            {
                _dirty.Remove(page);
            }
            else
            {
                _dirty[page] = before;
            }
        }

        savepoint.Header.CopyTo(_header, 0);
        _savepoints.RemoveRange(position, _savepoints.Count - position);
        UndoCount++;
    }

    /// <summary>Keeps the changes made since <paramref name="savepoint"/> began, and ends it and any nested in it.</summary>
    public void Release(Savepoint savepoint)
    {
        ThrowIfClosed();
        var position = PositionOf(savepoint);
        _savepoints.RemoveRange(position, _savepoints.Count - position);
    }

    protected override void Close()
    {
        IsRolledBack = true;
        base.Close();
        Pager.EndWrite();
    }

    /// <summary>Records, in each open savepoint that has not seen it, what a page is about to lose.</summary>
    private void Touch(uint page)
    {
        if (page == 0)
        {
            return;
        }

        foreach (var savepoint in _savepoints)
        {
            if (!savepoint.PreImages.ContainsKey(page))
            {
                savepoint.PreImages[page] = _dirty.TryGetValue(page, out var image) ? (byte[])image.Clone() : null;
            }
        }
    }

    private int PositionOf(Savepoint savepoint)
    {
        var position = _savepoints.IndexOf(savepoint);
        return position >= 0 ? position : throw StoreErrors.InvalidArgument("the savepoint has already ended");
    }

    private byte[] CopyForWrite(uint page)
    {
        var image = new byte[PageSize];
        using (var committed = Pager.ReadPage(Snapshot, page))
        {
            committed.Bytes.CopyTo(image);
        }

        _dirty[page] = image;
        return image;
    }
}
