using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using Store.Core.Errors;
using Store.Storage.Devices;

namespace Store.Storage.Wal;

/// <summary>
/// The WAL file: appends committed page images as checksummed frames, reads frames back, and
/// restarts the log after a complete checkpoint. It knows nothing of snapshots; the pager
/// decides which frames a reader sees. See <see cref="WalLayout"/> for the bytes.
/// </summary>
internal sealed class WriteAheadLog : IDisposable
{
    private readonly IStorageDevice _device;
    private readonly int _pageSize;
    private ulong _salt;
    private uint _sequence;
    private ulong _lastChecksum;

    private WriteAheadLog(IStorageDevice device, int pageSize)
    {
        _device = device;
        _pageSize = pageSize;
    }

    /// <summary>Frames that end with a commit: the valid prefix of the log.</summary>
    public int CommittedFrames { get; private set; }

    public string Name => _device.Name;

    /// <summary>The generation's checkpoint sequence, as its header holds it.</summary>
    public uint Sequence => _sequence;

    /// <summary>The generation's salt, as its header holds it; 0 when a read-only open found the log not the database's own (it is then never written).</summary>
    public ulong Salt => _salt;

    /// <summary>
    /// Opens the log beside a main file whose header holds <paramref name="binding"/> (null when
    /// it cannot say: a version 1 file, or a binding whose write was cut short) and recovers its
    /// valid prefix: every frame up to the last commit frame whose chain of checksums holds. A log
    /// the binding does not name is not the database's own (a leftover beside a new file of the
    /// same name, another database's, an older generation): when the binding says its log holds
    /// commits, that is a corruption error and nothing is changed; otherwise the log holds nothing
    /// the main file lacks, so it is not read, and a read-write open overwrites it. Without a
    /// binding, any log with a valid header is trusted, as version 1 did.
    /// </summary>
    public static WriteAheadLog Open(IStorageDevice device, int pageSize, LogBinding? binding, bool readOnly, out WalRecovery recovery)
    {
        var log = new WriteAheadLog(device, pageSize);
        var header = log.ReadHeader();
        if (header is not { } found || (binding is { } named && !named.Names(found.Sequence, found.Salt)))
        {
            if (binding is { Pending: true } expected)
            {
                throw Missing(device.Name, expected,
                    device.Length == 0 ? "is empty"
                    : header is not { } other ? "has no valid header"
                    : $"is another one: its sequence is {other.Sequence} and its salt {other.Salt:x16}, where the database names sequence {expected.Sequence} and salt {expected.Salt:x16}");
            }

            recovery = WalRecovery.Empty;
            if (!readOnly)
            {
                log._sequence = binding?.Sequence ?? 0;
                log.Restart();
            }

            return log;
        }

        (log._sequence, log._salt) = found;
        recovery = log.Recover();
        if (recovery.DamagedFrame is { } damaged && !readOnly)
        {
            // Nothing is cut away: the frames after the damage hold commits the user may still want.
            throw StoreErrors.LogCorruption(device.Name, damaged,
                "it fails its checksum, yet intact commits follow it, so this is damage, not a write cut short by a crash; "
                + "the files are left as they were: open the database read-only to read the commits before it");
        }

        if (!readOnly)
        {
            // Drop a torn or uncommitted tail so stale frames can never line up behind new ones.
            var validLength = WalLayout.FrameOffset(log.CommittedFrames, pageSize);
            if (device.Length > validLength)
            {
                device.SetLength(validLength);
                device.Flush();
            }
        }

        return log;
    }

    /// <summary>
    /// The error for a log the main file needs but cannot find: <paramref name="log"/> names where
    /// it should be, <paramref name="what"/> says what is there instead.
    /// </summary>
    public static StoreException Missing(string log, LogBinding expected, string what) =>
        StoreErrors.LogMissing(log,
            $"the database's header says this log holds commits not yet copied into the database (log sequence {expected.Sequence}), but the log {what}; "
            + "nothing was changed: put the database's own log back beside it, since opening the database without it would lose those commits");

    /// <summary>Reads the page image of <paramref name="frame"/> into <paramref name="page"/>.</summary>
    public void ReadPage(int frame, Span<byte> page)
    {
        var n = _device.Read(WalLayout.FrameOffset(frame, _pageSize) + WalLayout.FrameHeaderSize, page);
        if (n != page.Length)
        {
            throw new IOException($"short read of WAL frame {frame}");
        }
    }

    /// <summary>
    /// Appends one transaction's pages after the committed frames; the last frame carries the
    /// commit marker. The frames count as committed only after <see cref="Publish"/>, so a
    /// failed write leaves the log as it was.
    /// </summary>
    public PendingCommit Append(IReadOnlyList<(uint Page, byte[] Image)> pages, uint databaseSize, ulong lsn)
    {
        var frameSize = WalLayout.FrameHeaderSize + _pageSize;
        if ((long)pages.Count * frameSize > Array.MaxLength)
        {
            throw StoreErrors.TooLarge("transaction", (long)pages.Count * frameSize, Array.MaxLength);
        }

        var buffer = new byte[pages.Count * frameSize];
        var checksum = _lastChecksum;
        for (var i = 0; i < pages.Count; i++)
        {
            var frame = buffer.AsSpan(i * frameSize, frameSize);
            var header = frame[..WalLayout.FrameHeaderSize];
            BinaryPrimitives.WriteUInt32LittleEndian(header[WalLayout.FramePageOffset..], pages[i].Page);
            BinaryPrimitives.WriteUInt32LittleEndian(header[WalLayout.FrameCommitSizeOffset..], i == pages.Count - 1 ? databaseSize : 0);
            BinaryPrimitives.WriteUInt64LittleEndian(header[WalLayout.FrameSaltOffset..], _salt);
            BinaryPrimitives.WriteUInt64LittleEndian(header[WalLayout.FrameLsnOffset..], lsn);
            pages[i].Image.CopyTo(frame[WalLayout.FrameHeaderSize..]);
            checksum = FrameChecksum(frame, checksum);
            BinaryPrimitives.WriteUInt64LittleEndian(header[WalLayout.FrameChecksumOffset..], checksum);
        }

        _device.Write(WalLayout.FrameOffset(CommittedFrames, _pageSize), buffer);
        return new PendingCommit(CommittedFrames, pages.Count, checksum);
    }

    public void Publish(PendingCommit commit)
    {
        CommittedFrames = commit.FirstFrame + commit.FrameCount;
        _lastChecksum = commit.LastChecksum;
    }

    public void Flush() => _device.Flush();

    /// <summary>
    /// Starts a new generation of the log: a fresh salt makes every old frame stale. Called
    /// only when every committed frame has been copied into the main file.
    /// </summary>
    public void Restart()
    {
        _sequence++;
        _salt = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
        Span<byte> header = stackalloc byte[WalLayout.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, WalLayout.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], WalLayout.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header[WalLayout.HeaderPageSizeOffset..], (uint)_pageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header[WalLayout.HeaderSequenceOffset..], _sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(header[WalLayout.HeaderSaltOffset..], _salt);
        BinaryPrimitives.WriteUInt64LittleEndian(header[WalLayout.HeaderChecksumOffset..], XxHash3.HashToUInt64(header[..WalLayout.HeaderChecksumOffset]));
        _device.Write(0, header);
        _device.SetLength(WalLayout.HeaderSize);
        _device.Flush();
        CommittedFrames = 0;
        _lastChecksum = _salt;
    }

    public void Dispose() => _device.Dispose();

    /// <summary>The sequence and salt of a header that checks out, or null.</summary>
    private (uint Sequence, ulong Salt)? ReadHeader()
    {
        Span<byte> header = stackalloc byte[WalLayout.HeaderSize];
        if (_device.Read(0, header) != WalLayout.HeaderSize
            || BinaryPrimitives.ReadUInt32LittleEndian(header) != WalLayout.Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(header[WalLayout.HeaderPageSizeOffset..]) != _pageSize
            || BinaryPrimitives.ReadUInt64LittleEndian(header[WalLayout.HeaderChecksumOffset..]) != XxHash3.HashToUInt64(header[..WalLayout.HeaderChecksumOffset]))
        {
            return null;
        }

        return (BinaryPrimitives.ReadUInt32LittleEndian(header[WalLayout.HeaderSequenceOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(header[WalLayout.HeaderSaltOffset..]));
    }

    /// <summary>Reads the frames of a log whose header checked out; the sequence and salt are set from it.</summary>
    private WalRecovery Recover()
    {
        _lastChecksum = _salt;
        var committed = new List<(uint Page, int Frame)>();
        var pending = new List<(uint Page, int Frame)>();
        uint databaseSize = 0;
        ulong lastLsn = 0;
        ulong frameLsn = 0;
        var checksum = _salt;
        var frame = new byte[WalLayout.FrameHeaderSize + _pageSize];
        int? broken = null;
        for (var index = 0; ; index++)
        {
            if (_device.Read(WalLayout.FrameOffset(index, _pageSize), frame) != frame.Length)
            {
                break;
            }

            checksum = FrameChecksum(frame, checksum);
            if (BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(WalLayout.FrameSaltOffset)) != _salt
                || BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(WalLayout.FrameChecksumOffset)) != checksum)
            {
                broken = index;
                break;
            }

            pending.Add((BinaryPrimitives.ReadUInt32LittleEndian(frame), index));
            frameLsn = BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(WalLayout.FrameLsnOffset));
            var commitSize = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(WalLayout.FrameCommitSizeOffset));
            if (commitSize != 0)
            {
                committed.AddRange(pending);
                pending.Clear();
                databaseSize = commitSize;
                lastLsn = frameLsn;
                CommittedFrames = index + 1;
                _lastChecksum = checksum;
            }
        }

        var damaged = broken is { } at && LaterCommitFollows(at, frame, lastLsn, pending.Count > 0 ? frameLsn : null) ? broken : null;
        return new WalRecovery(committed, databaseSize, lastLsn, damaged);
    }

    /// <summary>
    /// Whether frames of a later commit follow the frame that broke the chain at
    /// <paramref name="broken"/> (whose bytes are in <paramref name="brokenFrame"/>). A crash
    /// tears only the transaction being appended, all of whose frames carry the LSN after the
    /// last commit; a commit is appended only after the previous one returned. So a frame past
    /// the break that checks out against the checksum its predecessor stores, and carries another
    /// LSN than the torn transaction's, means the break is damage inside the log.
    /// </summary>
    private bool LaterCommitFollows(int broken, byte[] brokenFrame, ulong lastCommittedLsn, ulong? tornLsn)
    {
        var torn = tornLsn ?? (lastCommittedLsn > 0 ? lastCommittedLsn + 1 : null);
        var previous = (byte[])brokenFrame.Clone();
        var current = new byte[previous.Length];
        for (var index = broken + 1; _device.Read(WalLayout.FrameOffset(index, _pageSize), current) == current.Length; index++)
        {
            var linked = BinaryPrimitives.ReadUInt64LittleEndian(current.AsSpan(WalLayout.FrameSaltOffset)) == _salt
                && BinaryPrimitives.ReadUInt64LittleEndian(current.AsSpan(WalLayout.FrameChecksumOffset))
                    == FrameChecksum(current, BinaryPrimitives.ReadUInt64LittleEndian(previous.AsSpan(WalLayout.FrameChecksumOffset)));
            if (linked)
            {
                // Without a commit before the break, the first intact frame after it says which transaction was torn.
                var lsn = BinaryPrimitives.ReadUInt64LittleEndian(current.AsSpan(WalLayout.FrameLsnOffset));
                torn ??= lsn;
                if (lsn != torn)
                {
                    return true;
                }
            }

            (previous, current) = (current, previous);
        }

        return false;
    }

    private static ulong FrameChecksum(ReadOnlySpan<byte> frame, ulong previous)
    {
        var hash = new XxHash3((long)previous);
        hash.Append(frame[..WalLayout.FrameChecksumOffset]);
        hash.Append(frame[WalLayout.FrameHeaderSize..]);
        return hash.GetCurrentHashAsUInt64();
    }
}
