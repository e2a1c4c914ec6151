using Store.Core.Errors;
using Store.Storage.Buffers;
using Store.Storage.Pages;

namespace Store.Storage.Paging;

/// <summary>The read path: snapshot lookup, buffer pool, device read, checksum.</summary>
internal sealed partial class Pager
{
    /// <summary>Pins the version of <paramref name="page"/> that <paramref name="snapshot"/> sees.</summary>
    public PageHandle ReadPage(Snapshot snapshot, uint page)
    {
        if (page >= snapshot.PageCount)
        {
            throw StoreErrors.Corruption(page, $"reference past the end of the database ({snapshot.PageCount} pages)");
        }

        while (true)
        {
            int generation, frame;
            lock (_gate)
            {
                generation = _generation;
                frame = snapshot.Generation == generation ? _index.Find(page, snapshot.Mark) : -1;
            }

            var key = frame >= 0 ? PageKey.WalFrame(page, generation, frame) : PageKey.MainFile(page);
            if (Pool.TryPin(key, out var cached))
            {
                return cached;
            }

            var image = Pool.RentBuffer();
            if (frame >= 0)
            {
                IOException? failure = null;
                try
                {
                    _wal.ReadPage(frame, image);
                }
                catch (IOException e)
                {
                    failure = e;
                }

                // A log restart may have overwritten the frame while we read it; a restart
                // happens only after a complete checkpoint, so the main file now has this version.
                if (Volatile.Read(ref _generation) != generation)
                {
                    Pool.ReturnBuffer(image);
                    continue;
                }

                if (failure is not null)
                {
                    Pool.ReturnBuffer(image);
                    throw StoreErrors.Io($"read of WAL frame {frame} (page {page})", _wal.Name, failure);
                }
            }
            else
            {
                ReadMain(page, image);
            }

            Verify(snapshot, page, image);
            return Pool.AddPinned(key, image);
        }
    }

    private void ReadMain(uint page, Span<byte> image)
    {
        int n;
        try
        {
            n = _main.Read((long)page * PageSize, image);
        }
        catch (IOException e)
        {
            throw StoreErrors.Io($"read of page {page}", Name, e);
        }

        if (n != image.Length)
        {
            Poison(new InvalidDataException($"page {page} is missing from the file"));
            throw StoreErrors.Corruption(page, $"page is missing: the file ends at byte {_main.Length}");
        }
    }

    /// <summary>
    /// A page must pass its checksum and be no newer than the snapshot reading it: checkpoints
    /// never copy a frame past the oldest reader's commit, so a newer page means a misplaced write.
    /// </summary>
    private void Verify(Snapshot snapshot, uint page, ReadOnlySpan<byte> image)
    {
        var problem = !PageLayout.HasValidChecksum(image, page) ? "checksum mismatch"
            : PageLayout.GetLsn(image) > snapshot.Lsn ? $"page was written by commit {PageLayout.GetLsn(image)}, after the reader's commit {snapshot.Lsn}"
            : null;
        if (problem is not null)
        {
            var error = StoreErrors.Corruption(page, problem);
            Poison(error);
            throw error;
        }
    }
}
