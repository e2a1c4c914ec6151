using System.Buffers.Binary;
using System.IO.Hashing;
using Store.Core.Errors;
using Store.Storage.Devices;
using Store.Storage.Pages;
using Store.Storage.Paging;
using Store.Storage.Wal;
using Store.Testing;

namespace Store.Storage.Tests;

/// <summary>
/// Issue 15, part 5: the main file's header names the log that holds its un-checkpointed
/// commits, so a log that is deleted, emptied or swapped is a typed error instead of a silent
/// loss, and a leftover log beside a new database of the same name is not adopted by it.
/// </summary>
public class LogBindingTests
{
    private const int PageSize = 4096;
    private const long WalHeaderSize = 32;
    private static readonly PagerOptions Options = new() { PageSize = PageSize, AutoCheckpointFrames = int.MaxValue };

    public static TheoryData<string> LogReplacements => ["deleted", "empty", "another database's"];

    [Theory]
    [MemberData(nameof(LogReplacements))]
    public void Log_holding_commits_that_is_replaced_is_a_corruption_error_naming_it_and_changes_nothing(string replacement)
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        CommitAndKill(path, 1, 2, 3);
        var wal = path + "-wal";
        switch (replacement)
        {
            case "deleted":
                File.Delete(wal);
                break;
            case "empty":
                File.WriteAllBytes(wal, []);
                break;
            default:
                var other = dir.File("other");
                CommitAndKill(other, 7, 8);
                File.Copy(other + "-wal", wal, overwrite: true);
                break;
        }

        var main = File.ReadAllBytes(path);
        var log = File.Exists(wal) ? File.ReadAllBytes(wal) : null;
        foreach (var readOnly in new[] { false, true })
        {
            var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options with { ReadOnly = readOnly }).Dispose());

            Assert.Equal(ErrorCode.Corruption, error.Code);
            Assert.Equal("XX001", error.SqlState);
            Assert.Contains($"write-ahead log '{wal}'", error.Message, StringComparison.Ordinal);
            Assert.Contains("holds commits not yet copied", error.Message, StringComparison.Ordinal);
            Assert.Equal(main, File.ReadAllBytes(path));
            Assert.Equal(log, File.Exists(wal) ? File.ReadAllBytes(wal) : null);
        }
    }

    [Fact]
    public void New_database_at_the_path_of_a_deleted_one_ignores_the_log_it_left()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        CommitAndKill(path, 41, 42);
        File.Delete(path);

        uint page;
        using (var pager = Pager.Open(path, Options))
        {
            using (var read = pager.BeginRead())
            {
                Assert.Equal(1u, read.PageCount);
                Assert.Equal(0u, read.GetRoot(0));
                Assert.Equal(0ul, read.Lsn);
            }

            Assert.Equal(WalHeaderSize, new FileInfo(path + "-wal").Length);
            page = PagerTests.WriteValue(pager, null, 5);
        }

        using var reopened = Pager.Open(path, Options with { ReadOnly = true });
        Assert.Equal(5u, PagerTests.ReadValue(reopened, page));
        using var read2 = reopened.BeginRead();
        Assert.Equal(2u, read2.PageCount);
        Assert.Equal(1ul, read2.Lsn);
    }

    [Fact]
    public void Log_of_another_database_beside_a_checkpointed_one_is_ignored_read_only_and_overwritten_read_write()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        uint page;
        using (var pager = Pager.Open(path, Options))
        {
            page = PagerTests.WriteValue(pager, null, 9);
        }

        var other = dir.File("other");
        CommitAndKill(other, 1, 2);
        File.Copy(other + "-wal", path + "-wal", overwrite: true);
        var foreign = File.ReadAllBytes(path + "-wal");

        using (var reader = Pager.Open(path, Options with { ReadOnly = true }))
        {
            Assert.Equal(9u, PagerTests.ReadValue(reader, page));
        }

        Assert.Equal(foreign, File.ReadAllBytes(path + "-wal"));
        using var writer = Pager.Open(path, Options);
        Assert.Equal(9u, PagerTests.ReadValue(writer, page));
        Assert.Equal(WalHeaderSize, new FileInfo(path + "-wal").Length);
    }

    [Fact]
    public void Checkpointed_database_whose_log_is_deleted_opens_with_every_commit()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        uint page;
        using (var pager = Pager.Open(path, Options))
        {
            page = PagerTests.WriteValue(pager, null, 1);
            PagerTests.WriteValue(pager, page, 2);
        }

        File.Delete(path + "-wal");
        using (var reader = Pager.Open(path, Options with { ReadOnly = true }))
        {
            Assert.Equal(2u, PagerTests.ReadValue(reader, page));
        }

        Assert.False(File.Exists(path + "-wal"));
        using (var writer = Pager.Open(path, Options))
        {
            Assert.Equal(2u, PagerTests.ReadValue(writer, page));
            PagerTests.WriteValue(writer, page, 3);
        }

        using var reopened = Pager.Open(path, Options);
        Assert.Equal(3u, PagerTests.ReadValue(reopened, page));
    }

    [Fact]
    public void Log_checkpointed_and_restarted_before_a_kill_may_be_deleted_and_one_with_frames_left_may_not()
    {
        var files = new MemoryFiles();
        var pager = files.Open(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        Assert.Equal(0, pager.Checkpoint().FramesRemaining);

        using (var opened = OpenWithoutLog(files, Options))
        {
            Assert.Equal(1u, PagerTests.ReadValue(opened, page));
        }

        // A reader holds the checkpoint back: commit 3 stays in the log, which the header then needs.
        pager = files.Open(Options);
        PagerTests.WriteValue(pager, page, 2);
        using (pager.BeginRead())
        {
            PagerTests.WriteValue(pager, page, 3);
            Assert.True(pager.Checkpoint().FramesRemaining > 0);
        }

        Assert.Equal(ErrorCode.Corruption, Assert.Throws<StoreException>(() => OpenWithoutLog(files, Options)).Code);
        using var reopened = files.Open(Options);
        Assert.Equal(3u, PagerTests.ReadValue(reopened, page));
    }

    [Fact]
    public void Crash_after_the_header_names_the_log_and_before_its_first_frame_opens_clean_and_loses_nothing()
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        pager.Checkpoint();
        Assert.False(Binding(files).Pending);
        files.Faults.Wal.FailAfter(DeviceOperation.Write, 0);

        Assert.Throws<StoreException>(() => PagerTests.WriteValue(pager, page, 2));

        Assert.True(Binding(files).Pending);
        Assert.Equal(WalHeaderSize, files.Wal.Length);
        using var reopened = files.Open(Options);
        Assert.Equal(1u, PagerTests.ReadValue(reopened, page));
        PagerTests.WriteValue(reopened, page, 3);
        Assert.Equal(3u, PagerTests.ReadValue(reopened, page));
    }

    [Theory]
    [InlineData(DeviceOperation.Write)]
    [InlineData(DeviceOperation.Flush)]
    public void Header_update_that_fails_comes_before_any_frame_so_the_open_is_clean(DeviceOperation operation)
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        pager.Checkpoint();
        files.Faults.Main.FailAfter(operation, 0);

        Assert.Equal(ErrorCode.IoError, Assert.Throws<StoreException>(() => PagerTests.WriteValue(pager, page, 2)).Code);

        Assert.Equal(WalHeaderSize, files.Wal.Length);
        using var reopened = files.Open(Options);
        Assert.Equal(1u, PagerTests.ReadValue(reopened, page));
    }

    [Fact]
    public void Header_update_torn_by_a_crash_leaves_the_log_trusted_and_the_next_commit_names_it_again()
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        pager.Checkpoint();
        files.Faults.Main.TearNextWriteAt(HeaderPage.LogBindingOffset, 10);

        Assert.Throws<StoreException>(() => PagerTests.WriteValue(pager, page, 2));

        Assert.Null(HeaderPage.GetLogBinding(MainHeader(files)));
        using var reopened = files.Open(Options);
        Assert.Equal(1u, PagerTests.ReadValue(reopened, page));
        PagerTests.WriteValue(reopened, page, 3);
        Assert.True(Binding(files).Pending);
        Assert.Equal(ErrorCode.Corruption, Assert.Throws<StoreException>(() => OpenWithoutLog(files, Options)).Code);
    }

    [Fact]
    public void Checkpoint_cut_short_before_page_zero_keeps_the_log_required_and_recovers_from_it()
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var first = PagerTests.WriteValue(pager, null, 1);
        var second = PagerTests.WriteValue(pager, null, 2);
        PagerTests.WriteValue(pager, first, 3);

        // Page 1 reaches the main file, page 2 does not; page 0 goes last, so it does not either.
        files.Faults.Main.FailAfter(DeviceOperation.Write, 1);
        Assert.Equal(ErrorCode.IoError, Assert.Throws<StoreException>(() => pager.Checkpoint()).Code);

        Assert.True(Binding(files).Pending);
        Assert.Equal(ErrorCode.Corruption, Assert.Throws<StoreException>(() => OpenWithoutLog(files, Options)).Code);
        using var reopened = files.Open(Options);
        Assert.Equal(3u, PagerTests.ReadValue(reopened, first));
        Assert.Equal(2u, PagerTests.ReadValue(reopened, second));
    }

    [Fact]
    public void Checkpoint_cut_short_after_page_zero_copies_the_log_again_on_open()
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        PagerTests.WriteValue(pager, page, 2);
        files.Faults.Main.FailAfter(DeviceOperation.Flush, 0);

        Assert.Equal(ErrorCode.IoError, Assert.Throws<StoreException>(() => pager.Checkpoint()).Code);

        // Every page was written and the header says the log is drained, but the log was not restarted.
        Assert.False(Binding(files).Pending);
        Assert.True(files.Wal.Length > WalHeaderSize);
        using (var reopened = files.Open(Options))
        {
            Assert.Equal(2u, PagerTests.ReadValue(reopened, page));
            PagerTests.WriteValue(reopened, page, 3);
            Assert.True(Binding(files).Pending);
        }

        using var again = OpenWithoutLog(files, Options);
        Assert.Equal(3u, PagerTests.ReadValue(again, page));
    }

    /// <summary>
    /// A version 1 file (no log binding, page 0's checksum over every byte) is read as before,
    /// stays version 1 while it is written, and its first checkpoint makes it version 2, from
    /// when on a lost log is an error.
    /// </summary>
    [Fact]
    public void Version_1_file_is_read_with_its_log_and_becomes_version_2_at_its_first_checkpoint()
    {
        var files = new MemoryFiles();
        uint page;
        using (var pager = files.Open(Options))
        {
            page = PagerTests.WriteValue(pager, null, 1);
        }

        MakeVersion1(files.Main);
        var before = Bytes(files.Main);
        using (var reader = files.Open(Options with { ReadOnly = true }))
        {
            Assert.Equal(1u, PagerTests.ReadValue(reader, page));
        }

        Assert.Equal(before, Bytes(files.Main));
        var writer = files.Open(Options);
        PagerTests.WriteValue(writer, page, 2);
        Assert.Equal(before, Bytes(files.Main));

        using (var reopened = files.Open(Options))
        {
            Assert.Equal(2u, PagerTests.ReadValue(reopened, page));
            reopened.Checkpoint();
            Assert.Equal(HeaderPage.FormatVersion, HeaderPage.GetFormatVersion(MainHeader(files)));
            Assert.NotNull(HeaderPage.GetLogBinding(MainHeader(files)));
            PagerTests.WriteValue(reopened, page, 3);
        }

        using (var reader = files.Open(Options with { ReadOnly = true }))
        {
            Assert.Equal(3u, PagerTests.ReadValue(reader, page));
        }

        writer = files.Open(Options);
        PagerTests.WriteValue(writer, page, 4);
        Assert.Equal(ErrorCode.Corruption, Assert.Throws<StoreException>(() => OpenWithoutLog(files, Options)).Code);
    }

    /// <summary>
    /// Opens the database at <paramref name="path"/> over real files, commits <paramref name="values"/>
    /// to one page, then closes the files under the pager without a checkpoint, as a kill leaves
    /// them: the commits are in the log only.
    /// </summary>
    private static void CommitAndKill(string path, params uint[] values)
    {
        var main = FileDevice.Open(path, readOnly: false, create: true, TimeSpan.Zero, _ => { });
        FileDevice? wal = null;
        var pager = Pager.Open(main, () => wal = FileDevice.Open(path + "-wal", readOnly: false, create: true, TimeSpan.Zero, _ => { }), Options, File.Exists(path + "-wal"));
        uint? page = null;
        foreach (var value in values)
        {
            page = PagerTests.WriteValue(pager, page, value);
        }

        wal!.Dispose();
        main.Dispose();
    }

    private static Pager OpenWithoutLog(MemoryFiles files, PagerOptions options) =>
        Pager.Open(new SharedMemoryDevice(files.Main), () => new MemoryDevice("main-wal"), options, hasWal: false);

    private static byte[] MainHeader(MemoryFiles files)
    {
        var header = new byte[PageSize];
        files.Main.Read(0, header);
        return header;
    }

    private static LogBinding Binding(MemoryFiles files) =>
        HeaderPage.GetLogBinding(MainHeader(files)) ?? throw new InvalidOperationException("the header's log binding fails its checksum");

    /// <summary>Rewrites page 0 as version 1 wrote it: version 1, the binding bytes zero, the checksum over every byte.</summary>
    private static void MakeVersion1(MemoryDevice main)
    {
        var header = new byte[PageSize];
        main.Read(0, header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 1);
        header.AsSpan(HeaderPage.LogBindingOffset, HeaderPage.LogBindingSize).Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(PageSize - 4), (uint)XxHash3.HashToUInt64(header.AsSpan(0, PageSize - 4), 0));
        main.Write(0, header);
    }

    private static byte[] Bytes(MemoryDevice device)
    {
        var bytes = new byte[device.Length];
        device.Read(0, bytes);
        return bytes;
    }
}
