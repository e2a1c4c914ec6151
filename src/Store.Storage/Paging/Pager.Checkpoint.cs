using Store.Core.Errors;
using Store.Storage.Buffers;

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
                CopyHome(pages, safe);
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

    private void CopyHome(List<(uint Page, int Frame)> pages, int safe)
    {
        // The main file must never hold a page whose commit could still vanish from the log.
        if (_options.Synchronous != SynchronousMode.Off)
        {
            _wal.Flush();
        }

        var image = new byte[PageSize];
        foreach (var (page, frame) in pages)
        {
            _wal.ReadPage(frame, image);
            _main.Write((long)page * PageSize, image);
        }

        if (_options.Synchronous != SynchronousMode.Off)
        {
            _main.Flush();
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
