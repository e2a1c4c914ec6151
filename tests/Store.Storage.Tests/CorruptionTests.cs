using Store.Core.Errors;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Storage.Tests;

public class CorruptionTests
{
    private const int PageSize = 4096;
    private static readonly PagerOptions Options = new() { PageSize = PageSize, AutoCheckpointFrames = int.MaxValue };

    [Fact]
    public void Flipped_bit_in_any_page_is_reported_as_corruption_of_that_page()
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        const int pages = 12;
        using (var pager = Pager.Open(path, Options))
        {
            for (var i = 0; i < pages; i++)
            {
                PagerTests.WriteValue(pager, null, (uint)(1000 + i));
            }
        }

        var pristine = File.ReadAllBytes(path);
        var random = new Random(5);
        for (uint page = 0; page <= pages; page++)
        {
            var damaged = (byte[])pristine.Clone();
            var bit = random.Next(PageSize * 8);
            damaged[(page * PageSize) + (bit / 8)] ^= (byte)(1 << (bit % 8));
            File.WriteAllBytes(path, damaged);

            var error = Assert.Throws<StoreException>(() =>
            {
                using var pager = Pager.Open(path, Options);
                PagerTests.ReadValue(pager, page);
            });

            Assert.Equal(ErrorCode.Corruption, error.Code);
            Assert.Equal(page, error.PageNumber);
            Assert.Contains($"page {page}", error.Message);
        }
    }

    [Fact]
    public void Checkpoint_torn_inside_page_zero_is_repaired_from_the_wal_on_reopen()
    {
        var files = new MemoryFiles();
        var pager = files.OpenWithFaults(Options);
        var page = PagerTests.WriteValue(pager, null, 7);
        files.Faults.Main.TearNextWriteAt(0, PageSize / 2);

        Assert.Throws<StoreException>(() => pager.Checkpoint());

        using var reopened = files.Open(Options);
        Assert.Equal(7u, PagerTests.ReadValue(reopened, page));
        Assert.Equal(0, reopened.Checkpoint().FramesRemaining);
        using var again = files.Open(Options);
        Assert.Equal(7u, PagerTests.ReadValue(again, page));
    }

    [Fact]
    public void Corruption_makes_the_database_refuse_writes()
    {
        var files = new MemoryFiles();
        uint page;
        using (var pager = files.Open(Options))
        {
            page = PagerTests.WriteValue(pager, null, 1);
        }

        var image = new byte[PageSize];
        files.Main.Read(page * PageSize, image);
        image[10] ^= 0x40;
        files.Main.Write(page * PageSize, image);

        using var reopened = files.Open(Options);
        Assert.Throws<StoreException>(() => PagerTests.ReadValue(reopened, page));
        Assert.Equal(ErrorCode.DatabasePoisoned, Assert.Throws<StoreException>(() => reopened.BeginWrite()).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32 + 100)]
    [InlineData(32 + PageSize - 1)]
    public void Wal_truncated_inside_a_frame_recovers_to_the_last_commit(int bytesIntoLastFrame)
    {
        var files = new MemoryFiles();
        uint page;
        var pager = files.Open(Options);
        page = PagerTests.WriteValue(pager, null, 1);
        PagerTests.WriteValue(pager, page, 2);
        var lengthAfterSecondCommit = files.Wal.Length;
        PagerTests.WriteValue(pager, page, 3);

        // The third commit wrote two frames (the page, then page 0 with the commit marker); cut the last one.
        files.Wal.SetLength(lengthAfterSecondCommit + 32 + PageSize + bytesIntoLastFrame);

        using var reopened = files.Open(Options);
        Assert.Equal(2u, PagerTests.ReadValue(reopened, page));
        PagerTests.WriteValue(reopened, page, 4);
        Assert.Equal(4u, PagerTests.ReadValue(reopened, page));
    }

    /// <summary>
    /// Issue 15, part 5: a flipped bit in a committed frame that later commits follow is damage,
    /// not a torn tail: a typed corruption error naming the WAL and the frame, the files left as
    /// they were (read-only, the commits before it can be read); in any of 200 random trials.
    /// </summary>
    [Fact]
    public void Wal_frame_with_a_flipped_bit_before_later_commits_is_a_corruption_error_that_keeps_the_files()
    {
        var random = new Random(15);
        for (var trial = 0; trial < 200; trial++)
        {
            var files = new MemoryFiles();
            var pager = files.Open(Options);
            var page = PagerTests.WriteValue(pager, null, 1);
            var ends = new List<long> { files.Wal.Length };
            for (var value = 2u; value <= 5; value++)
            {
                PagerTests.WriteValue(pager, page, value);
                ends.Add(files.Wal.Length);
            }

            // A bit anywhere in commits 2 to 4, each followed by intact commits.
            var at = ends[0] + random.NextInt64(ends[3] - ends[0]);
            var damaged = FlipBit(files.Wal, at, random.Next(8));

            var error = Assert.Throws<StoreException>(() => files.Open(Options).Dispose());
            Assert.Equal(ErrorCode.Corruption, error.Code);
            Assert.Contains("main-wal", error.Message, StringComparison.Ordinal);
            Assert.Contains("at frame", error.Message, StringComparison.Ordinal);
            Assert.Equal(damaged, Bytes(files.Wal));

            using var readOnly = files.Open(Options with { ReadOnly = true });
            Assert.InRange(PagerTests.ReadValue(readOnly, page), 1u, 3u);
        }
    }

    [Fact]
    public void Wal_frame_with_a_flipped_bit_in_the_last_commit_recovers_to_the_commit_before_it()
    {
        var files = new MemoryFiles();
        var pager = files.Open(Options);
        var page = PagerTests.WriteValue(pager, null, 1);
        var lengthAfterFirst = files.Wal.Length;
        PagerTests.WriteValue(pager, page, 2);
        FlipBit(files.Wal, lengthAfterFirst + 200, 0);

        using var reopened = files.Open(Options);
        Assert.Equal(1u, PagerTests.ReadValue(reopened, page));
    }

    private static byte[] FlipBit(Devices.MemoryDevice device, long offset, int bit)
    {
        var b = new byte[1];
        device.Read(offset, b);
        b[0] ^= (byte)(1 << bit);
        device.Write(offset, b);
        return Bytes(device);
    }

    private static byte[] Bytes(Devices.MemoryDevice device)
    {
        var bytes = new byte[device.Length];
        device.Read(0, bytes);
        return bytes;
    }
}
