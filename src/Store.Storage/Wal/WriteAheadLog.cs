using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
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

    /// <summary>
    /// Opens the log and recovers its valid prefix: every frame up to the last commit frame
    /// whose chain of checksums holds.
    /// </summary>
    public static WriteAheadLog Open(IStorageDevice device, int pageSize, bool readOnly, out WalRecovery recovery)
    {
        var log = new WriteAheadLog(device, pageSize);
        recovery = log.Recover();
        if (!readOnly)
        {
            if (recovery.HeaderValid)
            {
                // Drop a torn or uncommitted tail so stale frames can never line up behind new ones.
                var validLength = WalLayout.FrameOffset(log.CommittedFrames, pageSize);
                if (device.Length > validLength)
                {
                    device.SetLength(validLength);
                    device.Flush();
                }
            }
            else
            {
                log.Restart();
            }
        }

        return log;
    }

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
            throw Core.Errors.StoreErrors.TooLarge("transaction", (long)pages.Count * frameSize, Array.MaxLength);
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

    private WalRecovery Recover()
    {
        Span<byte> header = stackalloc byte[WalLayout.HeaderSize];
        if (_device.Read(0, header) != WalLayout.HeaderSize
            || BinaryPrimitives.ReadUInt32LittleEndian(header) != WalLayout.Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(header[WalLayout.HeaderPageSizeOffset..]) != _pageSize
            || BinaryPrimitives.ReadUInt64LittleEndian(header[WalLayout.HeaderChecksumOffset..]) != XxHash3.HashToUInt64(header[..WalLayout.HeaderChecksumOffset]))
        {
            return new WalRecovery(false, [], 0, 0);
        }

        _sequence = BinaryPrimitives.ReadUInt32LittleEndian(header[WalLayout.HeaderSequenceOffset..]);
        _salt = BinaryPrimitives.ReadUInt64LittleEndian(header[WalLayout.HeaderSaltOffset..]);
        _lastChecksum = _salt;

        var committed = new List<(uint Page, int Frame)>();
        var pending = new List<(uint Page, int Frame)>();
        uint databaseSize = 0;
        ulong lastLsn = 0;
        var checksum = _salt;
        var frame = new byte[WalLayout.FrameHeaderSize + _pageSize];
        for (var index = 0; ; index++)
        {
            if (_device.Read(WalLayout.FrameOffset(index, _pageSize), frame) != frame.Length
                || BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(WalLayout.FrameSaltOffset)) != _salt)
            {
                break;
            }

            checksum = FrameChecksum(frame, checksum);
            if (BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(WalLayout.FrameChecksumOffset)) != checksum)
            {
                break;
            }

            pending.Add((BinaryPrimitives.ReadUInt32LittleEndian(frame), index));
            var commitSize = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(WalLayout.FrameCommitSizeOffset));
            if (commitSize != 0)
            {
                committed.AddRange(pending);
                pending.Clear();
                databaseSize = commitSize;
                lastLsn = BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(WalLayout.FrameLsnOffset));
                CommittedFrames = index + 1;
                _lastChecksum = checksum;
            }
        }

        return new WalRecovery(true, committed, databaseSize, lastLsn);
    }

    private static ulong FrameChecksum(ReadOnlySpan<byte> frame, ulong previous)
    {
        var hash = new XxHash3((long)previous);
        hash.Append(frame[..WalLayout.FrameChecksumOffset]);
        hash.Append(frame[WalLayout.FrameHeaderSize..]);
        return hash.GetCurrentHashAsUInt64();
    }
}
