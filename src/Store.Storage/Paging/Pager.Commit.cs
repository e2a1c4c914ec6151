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
            if (!_logBound && !_versionOneHeader)
            {
                BindLog();
            }

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

    /// <summary>
    /// Before the first frame of a log generation is appended, records in the main file's
    /// header that this generation (its sequence and salt) holds commits, and makes that durable:
    /// once per log restart, not per commit. Header first, frames after: a crash between them
    /// leaves a header naming a log that exists (its header was made durable at the restart)
    /// and holds no commit, which opens clean; frames first would let a crash leave commits in
    /// a log the header does not name, which the next open would take for a stranger's and
    /// overwrite. Only the binding's 24 bytes are written: page 0's checksum leaves them out, so a
    /// reader of the page at that moment and a crash inside the write both find it intact.
    /// </summary>
    private void BindLog()
    {
        Span<byte> field = stackalloc byte[HeaderPage.LogBindingSize];
        HeaderPage.WriteLogBinding(field, new LogBinding(_wal.Sequence, _wal.Salt, Pending: true));
        _main.Write(HeaderPage.LogBindingOffset, field);
        if (_options.Synchronous != SynchronousMode.Off)
        {
            _main.Flush();
        }

        _logBound = true;
    }
}
