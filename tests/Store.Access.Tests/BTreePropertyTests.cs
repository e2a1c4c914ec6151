using Store.Access.BTrees;
using Store.Access.Integrity;
using Store.Storage.Paging;
using Store.Testing;

namespace Store.Access.Tests;

/// <summary>
/// Long random sequences of puts, deletes, point reads and range scans checked against a
/// sorted in-memory model, across commits, rollbacks and reopens, with a buffer budget far
/// below the data so that eviction runs all the time.
/// </summary>
public class BTreePropertyTests
{
    private const int TreeSlot = 1;

    [Theory]
    [InlineData(4096, 1)]
    [InlineData(4096, 2)]
    [InlineData(65536, 3)]
    public void Random_operations_match_a_sorted_model_across_commits_rollbacks_and_reopens(int pageSize, int seed)
    {
        using var dir = new TempDirectory();
        var path = dir.File("db");
        var options = new PagerOptions { PageSize = pageSize, CacheBytes = 4L * pageSize, AutoCheckpointFrames = 200, Synchronous = SynchronousMode.Off };
        var random = new Random(seed);
        var committed = new SortedDictionary<byte[], byte[]>(ByteOrder.Instance);
        var pager = Pager.Open(path, options);
        long evictions = 0;
        using (var txn = pager.BeginWrite())
        {
            txn.SetRoot(TreeSlot, BTree.Create(txn));
            txn.Commit();
        }

        for (var round = 0; round < 120; round++)
        {
            var model = new SortedDictionary<byte[], byte[]>(committed, ByteOrder.Instance);
            using (var txn = pager.BeginWrite())
            {
                var tree = new BTree(txn, txn.GetRoot(TreeSlot));
                var operations = random.Next(1, 60);
                for (var op = 0; op < operations; op++)
                {
                    ApplyRandomOperation(random, tree, model, pageSize);
                }

                if (random.Next(5) == 0)
                {
                    txn.Rollback();
                }
                else
                {
                    txn.Commit();
                    committed = model;
                }
            }

            if (round % 5 == 0)
            {
                using var reader = pager.BeginRead();
                AssertTreeEquals(committed, new BTree(reader, reader.GetRoot(TreeSlot)));
            }

            if (round % 25 == 24)
            {
                evictions += pager.Pool.Stats.Evictions;
                pager.Dispose();
                pager = Pager.Open(path, options);
            }
        }

        using (var reader = pager.BeginRead())
        {
            var report = new IntegrityChecker(reader, new DatabaseState()).Run();
            Assert.True(report.IsOk, report.ToString());
        }

        evictions += pager.Pool.Stats.Evictions;
        pager.Dispose();
        Assert.True(evictions > 0, "the buffer budget never forced an eviction");
    }

    [Fact]
    public void Deleting_every_key_leaves_an_empty_tree_and_returns_pages_to_the_free_list()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions { PageSize = 4096 });
        using var txn = pager.BeginWrite();
        var root = BTree.Create(txn);
        txn.SetRoot(TreeSlot, root);
        var tree = new BTree(txn, root);
        for (var i = 0; i < 5000; i++)
        {
            tree.Put(Key(i), new byte[50 + (i % 300)]);
        }

        var pagesUsed = txn.PageCount;
        foreach (var i in Enumerable.Range(0, 5000).OrderBy(i => (i * 7919) % 5000))
        {
            Assert.True(tree.Delete(Key(i)));
        }

        Assert.Empty(tree.Scan());
        Assert.Equal(pagesUsed - 2, txn.GetFreeList().Count);
        Assert.True(new IntegrityChecker(txn, new DatabaseState()).Run().IsOk);
    }

    [Fact]
    public void Scan_honours_inclusive_lower_and_exclusive_upper_bounds()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions { PageSize = 4096 });
        using var txn = pager.BeginWrite();
        var tree = new BTree(txn, BTree.Create(txn));
        for (var i = 0; i < 3000; i += 2)
        {
            tree.Put(Key(i), Key(i));
        }

        var keys = tree.Scan(Key(1000), Key(2000)).Select(e => e.Key).ToList();

        Assert.Equal(Enumerable.Range(500, 500).Select(i => Key(i * 2)), keys);
    }

    [Fact]
    public void Too_large_key_is_rejected_with_a_typed_error()
    {
        using var pager = Pager.OpenInMemory(new PagerOptions { PageSize = 4096 });
        using var txn = pager.BeginWrite();
        var tree = new BTree(txn, BTree.Create(txn));
        var error = Assert.Throws<Core.Errors.StoreException>(() => tree.Put(new byte[BTree.MaxKeySize(4096) + 1], []));
        Assert.Equal(Core.Errors.ErrorCode.TooLarge, error.Code);
    }

    private static void ApplyRandomOperation(Random random, BTree tree, SortedDictionary<byte[], byte[]> model, int pageSize)
    {
        var key = Key(random.Next(3000));
        switch (random.Next(10))
        {
            case < 5:
                var value = RandomValue(random, pageSize);
                Assert.Equal(!model.ContainsKey(key), tree.Put(key, value));
                model[key] = value;
                break;
            case < 8:
                Assert.Equal(model.Remove(key), tree.Delete(key));
                break;
            case 8:
                Assert.Equal(model.TryGetValue(key, out var expected), tree.TryGet(key, out var actual));
                Assert.Equal(expected ?? [], actual);
                break;
            default:
                var to = Key(random.Next(3000));
                var (low, high) = ByteOrder.Instance.Compare(key, to) <= 0 ? (key, to) : (to, key);
                var expectedKeys = model.Keys.Where(k => ByteOrder.Instance.Compare(k, low) >= 0 && ByteOrder.Instance.Compare(k, high) < 0);
                Assert.Equal(expectedKeys, tree.Scan(low, high).Select(e => e.Key));
                break;
        }
    }

    private static byte[] RandomValue(Random random, int pageSize)
    {
        var size = random.Next(40) switch
        {
            0 => random.Next(pageSize, 3 * pageSize),
            < 6 => random.Next(200, 2000),
            _ => random.Next(0, 200),
        };
        var value = new byte[size];
        random.NextBytes(value);
        return value;
    }

    private static void AssertTreeEquals(SortedDictionary<byte[], byte[]> expected, BTree tree)
    {
        var actual = tree.Scan().ToList();
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Keys, actual.Select(e => e.Key));
        Assert.Equal(expected.Values, actual.Select(e => e.Value));
    }

    private static byte[] Key(int i) => System.Text.Encoding.ASCII.GetBytes($"key{i:D6}");
}
