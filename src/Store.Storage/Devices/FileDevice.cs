using Microsoft.Win32.SafeHandles;
using Store.Core.Errors;

namespace Store.Storage.Devices;

/// <summary>
/// A file opened through <see cref="RandomAccess"/>. A writable file is opened with
/// <see cref="FileShare.None"/>, which on Unix takes an exclusive advisory lock (flock), and a
/// read-only one with a shared lock, so a second process cannot write beside the first: it
/// waits for the lock up to the busy timeout (overlapping command-line runs then take turns),
/// and then gets <see cref="ErrorCode.DatabaseLocked"/>. The kernel drops the lock when its
/// process ends, however it ends, so a killed holder never leaves the file locked.
/// </summary>
internal sealed class FileDevice : IStorageDevice
{
    /// <summary>What .NET reports when flock finds the lock held: errno EWOULDBLOCK on Unix, ERROR_SHARING_VIOLATION on Windows.</summary>
    private const int WouldBlock = 11;
    private const int SharingViolation = unchecked((int)0x80070020);

    private readonly SafeFileHandle _handle;

    private FileDevice(string path, SafeFileHandle handle)
    {
        Name = path;
        _handle = handle;
    }

    public string Name { get; }

    public long Length => RandomAccess.GetLength(_handle);

    /// <summary>The longest pause between two tries for a lock another process holds.</summary>
    private static readonly TimeSpan MaxRetryPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Opens (or, when <paramref name="create"/>, creates) a file for the pager, waiting up to
    /// <paramref name="busyTimeout"/> for another process's lock and saying once through
    /// <paramref name="notices"/> that it waits, so that a pause is never a silent hang.
    /// </summary>
    public static FileDevice Open(string path, bool readOnly, bool create, TimeSpan busyTimeout, Action<string> notices)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(1);
        for (var retry = 0; ; retry++)
        {
            try
            {
                return OpenOnce(path, readOnly, create);
            }
            catch (StoreException e) when (e.Code == ErrorCode.DatabaseLocked && waited.Elapsed + pause <= busyTimeout)
            {
                if (retry == 0)
                {
                    notices($"waiting up to {busyTimeout.TotalSeconds:0.###} s for another process to close '{path}'");
                }

                Thread.Sleep(pause);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxRetryPause.Ticks));
            }
        }
    }

    private static FileDevice OpenOnce(string path, bool readOnly, bool create)
    {
        try
        {
            var mode = create && !readOnly ? FileMode.OpenOrCreate : FileMode.Open;
            var access = readOnly ? FileAccess.Read : FileAccess.ReadWrite;
            var share = readOnly ? FileShare.Read : FileShare.None;
            return new FileDevice(path, File.OpenHandle(path, mode, access, share));
        }
        catch (UnauthorizedAccessException e)
        {
            throw StoreErrors.ReadOnly($"'{path}' cannot be opened for writing ({e.Message})");
        }
        catch (IOException e) when (e.HResult is WouldBlock or SharingViolation)
        {
            throw StoreErrors.Locked(path);
        }
        catch (IOException e)
        {
            throw StoreErrors.Io("open", path, e);
        }
    }

    public int Read(long offset, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(_handle, buffer[total..], offset + total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public void Write(long offset, ReadOnlySpan<byte> data) => RandomAccess.Write(_handle, data, offset);

    public void Flush() => RandomAccess.FlushToDisk(_handle);

    public void SetLength(long length) => RandomAccess.SetLength(_handle, length);

    public void Dispose() => _handle.Dispose();
}
