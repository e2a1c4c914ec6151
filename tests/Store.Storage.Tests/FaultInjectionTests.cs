using Store.Core.Errors;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Storage.Tests;

public class FaultInjectionTests
{
    private static readonly PagerOptions Options = new() { PageSize = 4096, AutoCheckpointFrames = int.MaxValue };

    [Theory]
    [InlineData(DeviceOperation.Write)]
    [InlineData(DeviceOperation.Flush)]
    public void Failed_commit_is_a_typed_io_error_and_earlier_commits_survive_reopen(DeviceOperation operation)
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        PagerTests.WriteValue(pager, page, 2);
        files.Faults.Wal.FailAfter(operation, 0);

        var error = Assert.Throws<StoreException>(() => PagerTests.WriteValue(pager, page, 3));

        Assert.Equal(ErrorCode.IoError, error.Code);
        Assert.Equal(ErrorCode.DatabasePoisoned, Assert.Throws<StoreException>(() => pager.BeginWrite()).Code);
        Assert.Equal(2u, PagerTests.ReadValue(pager, page));

        using var reopened = files.Open(Options);
        Assert.Contains(PagerTests.ReadValue(reopened, page), new uint[] { 2, 3 });
        PagerTests.WriteValue(reopened, page, 4);
        Assert.Equal(4u, PagerTests.ReadValue(reopened, page));
    }

    [Theory]
    [InlineData(DeviceOperation.Write)]
    [InlineData(DeviceOperation.Flush)]
    public void Failed_checkpoint_is_a_typed_io_error_and_loses_nothing(DeviceOperation operation)
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        PagerTests.WriteValue(pager, page, 2);
        files.Faults.Main.FailAfter(operation, 0);

        Assert.Equal(ErrorCode.IoError, Assert.Throws<StoreException>(() => pager.Checkpoint()).Code);

        using var reopened = files.Open(Options);
        Assert.Equal(2u, PagerTests.ReadValue(reopened, page));
    }

    [Fact]
    public void Failed_read_is_a_typed_io_error_and_the_next_read_works()
    {
        var files = new MemoryFiles();
        uint page;
        using (var pager = files.Open(Options))
        {
            page = PagerTests.WriteValue(pager, null, 5);
        }

        using var faulty = files.OpenWithFaults(Options with { CacheBytes = 0 });
        files.Faults.Main.FailAfter(DeviceOperation.Read, 0);

        var error = Assert.Throws<StoreException>(() => PagerTests.ReadValue(faulty, page));
        Assert.Equal(ErrorCode.IoError, error.Code);
        Assert.Equal(5u, PagerTests.ReadValue(faulty, page));
    }

    [Fact]
    public void Failed_begin_write_does_not_hold_back_later_checkpoints()
    {
        var files = new MemoryFiles();
        using var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        files.Faults.Wal.FailAfter(DeviceOperation.Read, 0);

        Assert.Equal(ErrorCode.IoError, Assert.Throws<StoreException>(() => pager.BeginWrite()).Code);

        PagerTests.WriteValue(pager, page, 2);
        Assert.Equal(0, pager.Checkpoint().FramesRemaining);
    }

    [Fact]
    public void Failed_wal_open_during_recovery_is_a_typed_io_error()
    {
        var files = new MemoryFiles();
        using (var pager = files.Open(Options with { AutoCheckpointFrames = int.MaxValue }))
        {
            PagerTests.WriteValue(pager, null, 5);
        }

        var main = new FaultInjectingDevice(new SharedMemoryDevice(files.Main));
        var wal = new FaultInjectingDevice(new SharedMemoryDevice(files.Wal));
        wal.FailAll.Add(DeviceOperation.Read);

        var error = Assert.Throws<StoreException>(() => Pager.Open(main, () => wal, Options));
        Assert.Equal(ErrorCode.IoError, error.Code);
    }
}
