using System.Buffers.Binary;
using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Storage.Tests;

public class PagerTests
{
    private static readonly PagerOptions Options = new() { PageSize = 4096, CacheBytes = 64 * 4096 };

    [Fact]
    public void Commit_then_reopen_returns_the_committed_pages()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        uint page;
        using (var pager = Pager.Open(path, Options))
        {
            page = WriteValue(pager, null, 42);
        }

        using (var pager = Pager.Open(path, Options))
        {
            Assert.Equal(42u, ReadValue(pager, page));
        }
    }

    [Fact]
    public void Commit_without_checkpoint_survives_reopen_through_the_wal()
    {
        var files = new MemoryFiles();
        var pager = files.Open(Options with { AutoCheckpointFrames = int.MaxValue });
        var page = WriteValue(pager, null, 7);
        WriteValue(pager, page, 8);

        // Abandon the pager as a crash would: no close, no checkpoint; the main file lacks both commits.
        using var reopened = files.Open(Options);
        Assert.Equal(8u, ReadValue(reopened, page));
    }

    [Theory]
    [InlineData(SynchronousMode.Off)]
    [InlineData(SynchronousMode.Normal)]
    [InlineData(SynchronousMode.Full)]
    public void Every_synchronous_mode_keeps_commits_across_close_and_reopen(SynchronousMode mode)
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        uint page;
        using (var pager = Pager.Open(path, Options with { Synchronous = mode, AutoCheckpointFrames = 3 }))
        {
            page = WriteValue(pager, null, 1);
            for (uint i = 2; i <= 10; i++)
            {
                WriteValue(pager, page, i);
            }
        }

        using var reopened = Pager.Open(path, Options);
        Assert.Equal(10u, ReadValue(reopened, page));
    }

    [Fact]
    public void Rollback_discards_changes()
    {
        using var pager = Pager.OpenInMemory(Options);
        var page = WriteValue(pager, null, 1);
        using (var txn = pager.BeginWrite())
        {
            BinaryPrimitives.WriteUInt32LittleEndian(txn.Write(page), 99);
            txn.Rollback();
        }

        Assert.Equal(1u, ReadValue(pager, page));
    }

    [Fact]
    public void Reader_keeps_its_snapshot_while_a_writer_commits_and_checkpoints()
    {
        using var pager = Pager.OpenInMemory(Options);
        var page = WriteValue(pager, null, 1);
        using var reader = pager.BeginRead();
        WriteValue(pager, page, 2);
        pager.Checkpoint();
        WriteValue(pager, page, 3);
        pager.Checkpoint();

        using (var handle = reader.Read(page))
        {
            Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(handle.Bytes));
        }

        Assert.Equal(3u, ReadValue(pager, page));
    }

    [Fact]
    public void Checkpoint_with_no_readers_copies_everything_and_restarts_the_log()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        using var pager = Pager.Open(path, Options with { AutoCheckpointFrames = int.MaxValue });
        var page = WriteValue(pager, null, 5);
        Assert.True(new FileInfo(path + "-wal").Length > 32);

        var result = pager.Checkpoint();

        Assert.Equal(0, result.FramesRemaining);
        Assert.Equal(32, new FileInfo(path + "-wal").Length);
        Assert.Equal(5u, ReadValue(pager, page));
    }

    [Fact]
    public void Freed_pages_are_reused_by_allocation()
    {
        using var pager = Pager.OpenInMemory(Options);
        var page = WriteValue(pager, null, 1);
        using (var txn = pager.BeginWrite())
        {
            txn.Free(page);
            txn.Commit();
        }

        using (var txn = pager.BeginWrite())
        {
            Assert.Equal(page, txn.Allocate(PageType.Overflow));
            Assert.Equal(0u, txn.GetFreeList().Count);
        }
    }

    [Fact]
    public void Second_writer_in_the_process_waits_then_reports_locked()
    {
        using var pager = Pager.OpenInMemory(Options with { BusyTimeout = TimeSpan.FromMilliseconds(50) });
        using var first = pager.BeginWrite();
        var error = Assert.Throws<StoreException>(() => pager.BeginWrite());
        Assert.Equal(ErrorCode.DatabaseLocked, error.Code);
    }

    [Fact]
    public void Second_open_of_a_file_reports_database_is_locked()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        using var first = Pager.Open(path, Options);
        var error = Assert.Throws<StoreException>(() => Pager.Open(path, Options));
        Assert.Equal(ErrorCode.DatabaseLocked, error.Code);
        Assert.Contains("database is locked", error.Message);
    }

    [Fact]
    public void Used_transaction_reports_it_is_closed()
    {
        using var pager = Pager.OpenInMemory(Options);
        var txn = pager.BeginWrite();
        txn.Commit();
        Assert.Equal(ErrorCode.TransactionClosed, Assert.Throws<StoreException>(() => txn.Read(0)).Code);
    }

    /// <summary>Writes <paramref name="value"/> into a page (a new one when null) and commits.</summary>
    internal static uint WriteValue(Pager pager, uint? page, uint value)
    {
        using var txn = pager.BeginWrite();
        var target = page ?? txn.Allocate(PageType.Overflow);
        BinaryPrimitives.WriteUInt32LittleEndian(txn.Write(target), value);
        txn.Commit();
        return target;
    }

    internal static uint ReadValue(Pager pager, uint page)
    {
        using var txn = pager.BeginRead();
        using var handle = txn.Read(page);
        return BinaryPrimitives.ReadUInt32LittleEndian(handle.Bytes);
    }
}
