using Store.Storage.Buffers;

namespace Store.Storage.Tests;

public class BufferPoolTests
{
    private const int PageSize = 4096;

    [Fact]
    public void Pool_evicts_least_recently_used_unpinned_pages_beyond_its_budget()
    {
        var pool = new BufferPool(PageSize, 16 * PageSize);
        for (uint i = 0; i < 40; i++)
        {
            pool.AddPinned(PageKey.MainFile(i), new byte[PageSize]).Dispose();
        }

        var stats = pool.Stats;
        Assert.True(stats.ResidentPages <= 16);
        Assert.Equal(40 - stats.ResidentPages, stats.Evictions);
        Assert.True(pool.TryPin(PageKey.MainFile(39), out var recent));
        recent.Dispose();
        Assert.False(pool.TryPin(PageKey.MainFile(0), out _));
    }

    [Fact]
    public void Pinned_pages_are_never_evicted()
    {
        var pool = new BufferPool(PageSize, 16 * PageSize);
        using var pinned = pool.AddPinned(PageKey.MainFile(0), new byte[PageSize]);
        for (uint i = 1; i < 100; i++)
        {
            pool.AddPinned(PageKey.MainFile(i), new byte[PageSize]).Dispose();
        }

        Assert.True(pool.TryPin(PageKey.MainFile(0), out var again));
        again.Dispose();
    }

    [Fact]
    public void Hits_and_misses_are_counted()
    {
        var pool = new BufferPool(PageSize, 16 * PageSize);
        Assert.False(pool.TryPin(PageKey.MainFile(1), out _));
        pool.AddPinned(PageKey.MainFile(1), new byte[PageSize]).Dispose();
        Assert.True(pool.TryPin(PageKey.MainFile(1), out var handle));
        handle.Dispose();

        Assert.Equal(1, pool.Stats.Hits);
        Assert.Equal(1, pool.Stats.Misses);
    }

    [Fact]
    public void Versions_of_one_page_are_cached_separately()
    {
        var pool = new BufferPool(PageSize, 16 * PageSize);
        pool.AddPinned(PageKey.MainFile(3), [1]).Dispose();
        pool.AddPinned(PageKey.WalFrame(3, 0, 7), [2]).Dispose();

        Assert.True(pool.TryPin(PageKey.MainFile(3), out var main));
        Assert.True(pool.TryPin(PageKey.WalFrame(3, 0, 7), out var frame));
        Assert.Equal(1, main.Bytes[0]);
        Assert.Equal(2, frame.Bytes[0]);
        main.Dispose();
        frame.Dispose();
    }
}
