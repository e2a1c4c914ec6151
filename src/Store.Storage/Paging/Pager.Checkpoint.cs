using Store.Core.Errors;
using Store.Storage.Buffers;
using Store.Storage.Pages;
using Store.Storage.Wal;

namespace Store.Storage.Paging;

/// <summary>
/// Checkpoints: copy committed WAL frames into the main file, as far as live readers allow,
/// and restart the log once everything is home.
/// </summary>
internal sealed partial class Pager
{
    /// <summary>Result of one checkpoint: frames copied home and frames left in the log.</summary>
    public readonly record struct CheckpointResult(int PagesCopied, int FramesRemaining);

    /// <summary>Runs a checkpoint now, waiting for the writer lock.</summary>
    public CheckpointResult Checkpoint()
    {
        ThrowIfCannotWrite();
        if (!_writerGate.Wait(_options.BusyTimeout))
        {
            throw StoreErrors.Busy(Name, _options.BusyTimeout);
        }

        try
        {
            return CheckpointLocked();
        }
        finally
        {
            _writerGate.Release();
        }
    }

    /// <summary>
    /// Copies each page's newest frame below the oldest reader's mark into the main file. A
    /// reader of an older log generation reads only the main file, which must not change
    /// under it, so it holds the safe mark at 0. Caller holds the writer gate.
    /// </summary>
    private CheckpointResult CheckpointLocked()
    {
        int from, safe;
        List<(uint Page, int Frame)> pages;
        lock (_gate)
        {
            from = _backfilled;
            safe = _wal.CommittedFrames;
            foreach (var reader in _readers)
            {
                safe = Math.Min(safe, reader.Generation == _generation ? reader.Mark : 0);
            }

            pages = safe > from ? _index.NewestIn(from, safe) : [];
        }

        try
        {
            if (pages.Count > 0)
            {
                CopyHome(pages, safe, drained: safe == _wal.CommittedFrames);
            }

            RestartLogIfDrained();
        }
        catch (IOException e)
        {
            Poison(e);
            throw StoreErrors.Io("checkpoint", Name, e);
        }

        lock (_gate)
        {
            return new CheckpointResult(pages.Count, _wal.CommittedFrames - _backfilled);
        }
    }

    /// <summary>
    /// Copies <paramref name="pages"/> home, page 0 last with its log binding set: still pending
    /// when frames stay behind, cleared when the copy is <paramref name="drained"/> (every
    /// committed frame), after which the log restarts. The binding keeps naming this log when
    /// cleared, so if a crash lets page 0 reach the disk before the other pages, the next open
    /// still finds the log its own and copies it again. Page 0 goes last so that a crash, or a
    /// write that fails, part way leaves the binding pending: the log is still required.
    /// </summary>
    private void CopyHome(List<(uint Page, int Frame)> pages, int safe, bool drained)
    {
        // The main file must never hold a page whose commit could still vanish from the log.
        if (_options.Synchronous != SynchronousMode.Off)
        {
            _wal.Flush();
        }

        var image = new byte[PageSize];
        int? headerFrame = null;
        foreach (var (page, frame) in pages)
        {
            if (page == 0)
            {
                headerFrame = frame;
                continue;
            }

            _wal.ReadPage(frame, image);
            _main.Write((long)page * PageSize, image);
        }

        System.Diagnostics.Debug.Assert(headerFrame is not null, "every commit writes page 0, so every checkpoint copies it");
        if (headerFrame is { } last)
        {
            _wal.ReadPage(last, image);
            StampHeader(image, drained);
            _main.Write(0, image);
        }

        if (_options.Synchronous != SynchronousMode.Off)
        {
            _main.Flush();
        }

        if (headerFrame is not null)
        {
            _versionOneHeader = false;
            _logBound = !drained;
        }

        lock (_gate)
        {
            _backfilled = safe;
            foreach (var (page, _) in pages)
            {
                Pool.Invalidate(PageKey.MainFile(page));
            }
        }
    }

    /// <summary>
    /// Sets the binding of a page 0 image about to be copied home and, for a version 1 file, the
    /// version: the first checkpoint makes the file version 2, which a version 1 build refuses.
    /// </summary>
    private void StampHeader(byte[] image, bool drained)
    {
        if (HeaderPage.GetFormatVersion(image) != HeaderPage.FormatVersion)
        {
            // Resealing would bless a damaged image, so check it first.
            if (!PageLayout.HasValidChecksum(image, 0))
            {
                var error = StoreErrors.Corruption(0, $"the log's image of the file header fails its checksum ('{_wal.Name}')");
                Poison(error);
                throw error;
            }

            HeaderPage.SetFormatVersion(image, HeaderPage.FormatVersion);
            PageLayout.Seal(image, 0, PageLayout.GetLsn(image));
        }

        HeaderPage.SetLogBinding(image, new LogBinding(_wal.Sequence, _wal.Salt, Pending: !drained));
    }

    private void RestartLogIfDrained()
    {
        lock (_gate)
        {
            if (_wal.CommittedFrames == 0 || _backfilled != _wal.CommittedFrames)
            {
                return;
            }

            // One step under the lock: a snapshot taken meanwhile must not pair the new
            // generation with the old frame count. Readers that raced with the restart see the
            // new generation and re-read from the main file, which holds every committed page.
            _generation++;
            _index.Clear();
            _backfilled = 0;
            _wal.Restart();
        }
    }
}
