using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Wal;

namespace Store.Storage.Paging;

/// <summary>The commit path: seal the dirty pages, append them to the WAL, fsync, publish.</summary>
internal sealed partial class Pager
{
    /// <summary>
    /// Makes a write transaction's pages durable and visible. Page 0 is always among them: it
    /// carries the page count, the free list and the commit LSN. A failure to write or fsync
    /// the log leaves nothing published and poisons the pager: the commit's outcome is
    /// unknown until reopen, when recovery decides it from what reached the disk.
    /// </summary>
    internal void Commit(Snapshot snapshot, Dictionary<uint, byte[]> dirty)
    {
        ThrowIfCannotWrite();
        var lsn = _lastLsn + 1;
        var header = dirty[0];
        HeaderPage.SetLastLsn(header, lsn);
        var pageCount = HeaderPage.GetPageCount(header);

        var pages = new List<(uint Page, byte[] Image)>(dirty.Count);
        foreach (var (page, image) in dirty)
        {
            PageLayout.Seal(image, page, lsn);
            pages.Add((page, image));
        }

        pages.Sort((a, b) => a.Page.CompareTo(b.Page));

        PendingCommit pending;
        try
        {
            pending = _wal.Append(pages, pageCount, lsn);
            if (_options.Synchronous == SynchronousMode.Full)
            {
                _wal.Flush();
            }
        }
        catch (IOException e)
        {
            Poison(e);
            throw StoreErrors.Io("commit", _wal.Name, e);
        }

        lock (_gate)
        {
            System.Diagnostics.Debug.Assert(snapshot.Generation == _generation && snapshot.Mark == _wal.CommittedFrames, "writer snapshot is stale");
            _wal.Publish(pending);
            for (var i = 0; i < pages.Count; i++)
            {
                _index.Add(pages[i].Page, pending.FirstFrame + i);
            }

            _pageCount = pageCount;
            _lastLsn = lsn;
            _readers.Remove(snapshot);
        }

        if (_wal.CommittedFrames - _backfilled >= _options.AutoCheckpointFrames)
        {
            try
            {
                CheckpointLocked();
            }
            catch (StoreException)
            {
                // The commit is durable; the failed checkpoint has poisoned the pager, so the
                // next write reports the cause.
            }
        }
    }
}
