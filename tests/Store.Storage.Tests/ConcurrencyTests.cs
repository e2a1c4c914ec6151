using System.Buffers.Binary;
using Store.Storage.Pages;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Storage.Tests;

public class ConcurrencyTests
{
    private const int Accounts = 40;
    private const long Total = 1_000_000;

    /// <summary>The writer commits this many transfers at least.</summary>
    private const int Commits = 1_000;

    /// <summary>The readers check this many snapshots between them, all while the writer commits.</summary>
    private const int Snapshots = 1_000;

    /// <summary>
    /// One writer moves amounts between accounts (one account per page) and checkpoints often;
    /// four readers check in every snapshot that the balances still add up. The writer goes on
    /// until both it and the readers have done a fixed amount of work, not for a fixed time, so a
    /// slow or busy machine checks as much as a fast one.
    /// </summary>
    [Theory]
    [InlineData(50, 16 * 4096)]
    [InlineData(1, 0)]
    public async Task Readers_always_see_a_consistent_snapshot_while_one_writer_commits(int autoCheckpointFrames, long cacheBytes)
    {
        using var dir = new TempDirectory();
        using var pager = Pager.Open(dir.File("db"), new PagerOptions { PageSize = 4096, CacheBytes = cacheBytes, AutoCheckpointFrames = autoCheckpointFrames });
        var pages = new uint[Accounts];
        using (var txn = pager.BeginWrite())
        {
            for (var i = 0; i < Accounts; i++)
            {
                pages[i] = txn.Allocate(PageType.Overflow);
                BinaryPrimitives.WriteInt64LittleEndian(txn.Write(pages[i]), i == 0 ? Total : 0);
            }

            txn.Commit();
        }

        using var writerDone = new ManualResetEventSlim();
        var errors = new List<Exception>();
        var snapshotsChecked = 0L;
        var commits = 0;
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            try
            {
                while (!writerDone.IsSet)
                {
                    using var txn = pager.BeginRead();
                    long sum = 0;
                    foreach (var page in pages)
                    {
                        using var handle = txn.Read(page);
                        sum += BinaryPrimitives.ReadInt64LittleEndian(handle.Bytes);
                    }

                    Assert.Equal(Total, sum);
                    Interlocked.Increment(ref snapshotsChecked);
                }
            }
            catch (Exception e)
            {
                lock (errors)
                {
                    errors.Add(e);
                }
            }
        })).ToArray();

        // A reader stops early only by failing; then waiting for its snapshots would never end. The
        // cap on commits turns readers that never finish a snapshot into a failure, not a hang.
        var random = new Random(3);
        while (commits < Commits || (Interlocked.Read(ref snapshotsChecked) < Snapshots && readers.All(r => !r.IsCompleted) && commits < 1000 * Commits))
        {
            using var txn = pager.BeginWrite();
            var from = pages[random.Next(Accounts)];
            var to = pages[random.Next(Accounts)];
            long balance;
            using (var handle = txn.Read(from))
            {
                balance = BinaryPrimitives.ReadInt64LittleEndian(handle.Bytes);
            }

            var amount = balance == 0 ? 0 : random.NextInt64(balance + 1);
            BinaryPrimitives.WriteInt64LittleEndian(txn.Write(from), balance - amount);
            using (var handle = txn.Read(to))
            {
                var target = BinaryPrimitives.ReadInt64LittleEndian(handle.Bytes);
                BinaryPrimitives.WriteInt64LittleEndian(txn.Write(to), target + amount);
            }

            txn.Commit();
            commits++;
        }

        writerDone.Set();
        await Task.WhenAll(readers);
        Assert.Empty(errors);
        Assert.True(commits >= Commits, $"only {commits} commits");
        Assert.True(snapshotsChecked >= Snapshots, $"only {snapshotsChecked} snapshots");
    }
}
