using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Tables;
using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Paging;

namespace Store.Access.Integrity;

/// <summary>
/// Walks every page reachable from the file header: the trees in its root slots (the catalog
/// in slot 0), each table and index tree named by the catalog
/// (checksums, LSNs no newer than the last commit, node structure, key order within and
/// across nodes, equal leaf depth, no empty non-root node), overflow chains, and the free list; then checks that every page is used
/// exactly once and that each index holds exactly its table's rows. Corruption found on the
/// way is reported, not thrown, so one bad page does not hide the rest.
/// </summary>
internal sealed class IntegrityChecker(ReadTransaction txn, DatabaseState state)
{
    private readonly List<string> _problems = [];
    private readonly bool[] _used = new bool[txn.PageCount];

    public IntegrityReport Run()
    {
        _used[0] = true;
        var trees = new List<TreeStats>();
        for (var slot = 0; slot < HeaderPage.RootSlotCount; slot++)
        {
            var root = txn.GetRoot(slot);
            if (root != 0 && slot != SystemCatalog.SchemaCookieSlot)
            {
                trees.Add(new TreeWalk(this, txn, slot == SystemCatalog.RootSlot ? "catalog" : $"root slot {slot}", root).Run());
            }
        }

        if (txn.GetRoot(SystemCatalog.RootSlot) != 0)
        {
            try
            {
                // Models name files and own no pages.
                foreach (var entry in new SystemCatalog(txn, state).Entries().Where(e => e.Kind != CatalogEntry.ModelKind))
                {
                    trees.Add(new TreeWalk(this, txn, $"{entry.Kind} {entry.Name}", entry.Root).Run());
                }

                CheckIndexes();
            }
            catch (StoreException e)
            {
                _problems.Add($"catalog unreadable: {e.Message}");
            }
        }

        var freePages = CheckFreeList();
        var leaked = Enumerable.Range(0, _used.Length).Where(p => !_used[p]).ToList();
        if (leaked.Count > 0)
        {
            _problems.Add($"{leaked.Count} page(s) neither in use nor free: {string.Join(", ", leaked.Take(20))}{(leaked.Count > 20 ? ", ..." : "")}");
        }

        return new IntegrityReport(_problems, txn.PageCount, freePages, trees);
    }

    /// <summary>Marks a page as used; reports it if something already claimed it.</summary>
    private bool Claim(uint page, string owner)
    {
        if (page == 0 || page >= _used.Length)
        {
            _problems.Add($"{owner}: page {page} is outside the database (1..{_used.Length - 1})");
            return false;
        }

        if (_used[page])
        {
            _problems.Add($"{owner}: page {page} is used twice");
            return false;
        }

        _used[page] = true;
        return true;
    }

    private uint CheckFreeList()
    {
        var (head, expected) = txn.GetFreeList();
        uint count = 0;
        for (var page = head; page != 0 && count <= expected;)
        {
            if (!Claim(page, "free list"))
            {
                break;
            }

            try
            {
                using var handle = txn.Read(page);
                if (PageLayout.GetType(handle.Bytes) != PageType.Free)
                {
                    _problems.Add($"free list: page {page} is a {PageLayout.GetType(handle.Bytes)} page");
                    break;
                }

                page = FreePage.GetNext(handle.Bytes);
                count++;
            }
            catch (StoreException e)
            {
                _problems.Add($"free list: {e.Message}");
                break;
            }
        }

        if (count != expected)
        {
            _problems.Add($"free list holds {count} page(s) but the header counts {expected}");
        }

        return count;
    }

    private void CheckIndexes()
    {
        var catalog = new SystemCatalog(txn, state);
        foreach (var table in catalog.Tables())
        {
            var indexes = catalog.IndexesOf(table.Schema.Name);
            if (indexes.Count == 0)
            {
                continue;
            }

            var rows = new Table(txn, state, table, []).Scan().ToList();
            foreach (var index in indexes.Where(i => !i.Schema.IsBTree))
            {
                _problems.AddRange(catalog.OpenIndex(index).Check(rows).Select(p => $"index {index.Schema.Name}: {p}"));
            }

            foreach (var index in indexes.Where(i => i.Schema.IsBTree))
            {
                var expected = rows.Select(r => Table.IndexKey(index, r.Values, r.RowId)).ToHashSet(ByteArrayComparer.Instance);
                var actual = new BTree(txn, index.Root).Scan().Select(e => e.Key).ToList();
                var stray = actual.Count(k => !expected.Remove(k));
                if (stray > 0 || expected.Count > 0)
                {
                    _problems.Add($"index {index.Schema.Name}: {stray} entr(ies) without a matching row, {expected.Count} row(s) missing from the index");
                }
            }
        }
    }

    /// <summary>One tree's walk: structure, order, depth, fill and overflow chains.</summary>
    private sealed class TreeWalk(IntegrityChecker checker, ReadTransaction txn, string name, uint root)
    {
        private long _entries;
        private int _pages;
        private int _overflowPages;
        private int _leafDepth = -1;
        private long _leafBytes;
        private int _leaves;

        public TreeStats Run()
        {
            Visit(root, 1, null, null);
            var capacity = (double)PageLayout.ContentSize(txn.PageSize) * Math.Max(_leaves, 1);
            return new TreeStats(name, root, _entries, _pages, Math.Max(_leafDepth, 0), _leafBytes / capacity, _overflowPages);
        }

        private void Visit(uint page, int depth, byte[]? lower, byte[]? upper)
        {
            if (!checker.Claim(page, name))
            {
                return;
            }

            _pages++;
            var children = new List<(uint Page, byte[]? Lower, byte[]? Upper)>();
            var overflow = new List<(uint Page, int Length)>();
            try
            {
                using var handle = txn.Read(page);
                var bytes = handle.Bytes;
                var type = PageLayout.GetType(bytes);
                if (type is not (PageType.BTreeLeaf or PageType.BTreeInterior))
                {
                    checker._problems.Add($"{name}: page {page} is a {type} page, expected a B+tree node");
                    return;
                }

                var count = NodeLayout.Count(bytes);
                if (NodeLayout.HeaderSize + (count * NodeLayout.SlotSize) > NodeLayout.ContentStart(bytes) || NodeLayout.ContentStart(bytes) > PageLayout.ContentSize(bytes.Length))
                {
                    checker._problems.Add($"{name}: page {page} has an inconsistent node header");
                    return;
                }

                if (PageLayout.GetLsn(bytes) > txn.Lsn)
                {
                    checker._problems.Add($"{name}: page {page} was written by commit {PageLayout.GetLsn(bytes)}, after the last commit {txn.Lsn}");
                }

                var leaf = type == PageType.BTreeLeaf;
                if (count == 0 && page != root && (leaf || NodeLayout.Rightmost(bytes) == 0))
                {
                    checker._problems.Add($"{name}: page {page} is an empty node");
                }

                byte[]? previous = lower;
                for (var i = 0; i < count; i++)
                {
                    var key = NodeLayout.Key(bytes, i).ToArray();
                    var outOfOrder = previous is not null && (leaf && i == 0 ? key.AsSpan().SequenceCompareTo(previous) < 0 : key.AsSpan().SequenceCompareTo(previous) <= 0);
                    if (outOfOrder || (upper is not null && key.AsSpan().SequenceCompareTo(upper) >= 0))
                    {
                        checker._problems.Add($"{name}: page {page} key {i} is out of order");
                    }

                    if (leaf)
                    {
                        var value = NodeLayout.Value(bytes, i);
                        if (value.IsOverflow)
                        {
                            overflow.Add((value.OverflowPage, value.Length));
                        }
                    }
                    else
                    {
                        children.Add((NodeLayout.Child(bytes, i), previous, key));
                    }

                    previous = key;
                }

                if (leaf)
                {
                    _entries += count;
                    _leaves++;
                    _leafBytes += NodeLayout.UsedBytes(bytes);
                    if (_leafDepth < 0)
                    {
                        _leafDepth = depth;
                    }
                    else if (_leafDepth != depth)
                    {
                        checker._problems.Add($"{name}: leaf page {page} is at depth {depth}, others at {_leafDepth}");
                    }
                }
                else
                {
                    children.Add((NodeLayout.Rightmost(bytes), previous, upper));
                }
            }
            catch (StoreException e)
            {
                checker._problems.Add($"{name}: {e.Message}");
                return;
            }

            foreach (var (first, length) in overflow)
            {
                CheckOverflow(first, length);
            }

            foreach (var (child, childLower, childUpper) in children)
            {
                Visit(child, depth + 1, childLower, childUpper);
            }
        }

        private void CheckOverflow(uint first, int length)
        {
            long total = 0;
            try
            {
                foreach (var (page, chunk) in OverflowChain.Walk(txn, first))
                {
                    if (!checker.Claim(page, $"{name} overflow"))
                    {
                        return;
                    }

                    _overflowPages++;
                    total += chunk.Length;
                }
            }
            catch (StoreException e)
            {
                checker._problems.Add($"{name}: {e.Message}");
                return;
            }

            if (total != length)
            {
                checker._problems.Add($"{name}: overflow chain at page {first} holds {total} bytes, the cell says {length}");
            }
        }
    }
}
