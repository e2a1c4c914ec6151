using System.Buffers.Binary;
using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Paging;

namespace Store.Access.BTrees;

/// <summary>
/// A B+tree of byte-string keys (memcmp order) to byte-string values, in the pages of one
/// transaction. The root page never moves, so the catalog can point at it for good: a root
/// split pushes the old root's contents down into a new page. Tables key it by encoded rowid,
/// scalar indexes by encoded column values; see <c>Encoding/KeyCodec</c>.
/// </summary>
internal sealed partial class BTree
{
    private readonly ReadTransaction _txn;

    public BTree(ReadTransaction txn, uint root)
    {
        _txn = txn;
        Root = root;
    }

    /// <summary>The largest value one entry may hold (values past a quarter page go to overflow pages).</summary>
    public const int MaxValueSize = 256 * 1024 * 1024;

    public uint Root { get; }

    /// <summary>The largest key a tree in a page of <paramref name="pageSize"/> bytes accepts.</summary>
    public static int MaxKeySize(int pageSize) => (MaxCellSize(pageSize) - NodeLayout.LeafCellHeaderSize - 4) / 2;

    /// <summary>Creates an empty tree and returns its root page.</summary>
    public static uint Create(WriteTransaction txn)
    {
        var root = txn.Allocate(PageType.BTreeLeaf);
        NodeWriter.Initialize(txn.Write(root), leaf: true);
        return root;
    }

    /// <summary>Looks a key up; <paramref name="value"/> is empty when it is absent.</summary>
    public bool TryGet(ReadOnlySpan<byte> key, out byte[] value)
    {
        var found = TryGet(key, static v => v.ToArray(), out var copy);
        value = found ? copy : [];
        return found;
    }

    public bool ContainsKey(ReadOnlySpan<byte> key) => TryGet(key, static _ => true, out _);

    /// <summary>
    /// Looks a key up and decodes its value straight from the page (or the reassembled overflow
    /// value); the span is valid only inside <paramref name="decode"/>.
    /// </summary>
    public bool TryGet<T>(ReadOnlySpan<byte> key, Func<ReadOnlySpan<byte>, T> decode, out T value)
    {
        var page = Root;
        while (true)
        {
            using var handle = _txn.Read(page);
            var bytes = CheckNode(page, handle.Bytes);
            if (NodeLayout.IsLeaf(bytes))
            {
                var index = NodeLayout.Search(bytes, key, out var found);
                value = found ? DecodeValue(bytes, index, decode) : default!;
                return found;
            }

            page = NodeLayout.Child(bytes, NodeLayout.ChildIndexFor(bytes, key));
        }
    }

    /// <summary>The largest key in the tree; false when the tree is empty.</summary>
    public bool TryGetLastKey(out byte[] key)
    {
        var page = Root;
        while (true)
        {
            using var handle = _txn.Read(page);
            var bytes = CheckNode(page, handle.Bytes);
            var count = NodeLayout.Count(bytes);
            if (NodeLayout.IsLeaf(bytes))
            {
                key = count > 0 ? NodeLayout.Key(bytes, count - 1).ToArray() : [];
                return count > 0;
            }

            page = NodeLayout.Rightmost(bytes);
        }
    }

    /// <summary>Entries with <paramref name="from"/> &lt;= key &lt; <paramref name="to"/> in key order (null: unbounded).</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[]? from = null, byte[]? to = null) =>
        Scan(from, to, static (k, v) => new KeyValuePair<byte[], byte[]>(k.ToArray(), v.ToArray()));

    /// <summary>
    /// Entries with <paramref name="from"/> &lt;= key &lt; <paramref name="to"/> in key order (null:
    /// unbounded), each decoded from the page by <paramref name="decode"/>. A leaf is decoded
    /// whole when it is reached, so nothing stays pinned between items; the tree must not
    /// change during the scan.
    /// </summary>
    public IEnumerable<T> Scan<T>(byte[]? from, byte[]? to, Func<ReadOnlySpan<byte>, ReadOnlySpan<byte>, T> decode)
    {
        var path = new Stack<(uint Page, int NextChild)>();
        var page = Root;
        var first = true;
        var entries = new List<T>();
        while (true)
        {
            var reachedEnd = false;
            entries.Clear();
            while (true)
            {
                using var handle = _txn.Read(page);
                var bytes = CheckNode(page, handle.Bytes);
                if (NodeLayout.IsLeaf(bytes))
                {
                    var start = first && from is not null ? NodeLayout.Search(bytes, from, out _) : 0;
                    for (var i = start; i < NodeLayout.Count(bytes); i++)
                    {
                        var key = NodeLayout.Key(bytes, i);
                        if (to is not null && key.SequenceCompareTo(to) >= 0)
                        {
                            reachedEnd = true;
                            break;
                        }

                        entries.Add(DecodeEntry(bytes, i, decode));
                    }

                    break;
                }

                var child = first && from is not null ? NodeLayout.ChildIndexFor(bytes, from) : 0;
                path.Push((page, child + 1));
                page = NodeLayout.Child(bytes, child);
            }

            first = false;
            foreach (var entry in entries)
            {
                yield return entry;
            }

            if (reachedEnd || !TryAdvance(path, out page))
            {
                yield break;
            }
        }
    }

    /// <summary>Pops finished interior nodes; returns the next subtree to descend into.</summary>
    private bool TryAdvance(Stack<(uint Page, int NextChild)> path, out uint next)
    {
        while (path.TryPop(out var top))
        {
            using var handle = _txn.Read(top.Page);
            if (top.NextChild <= NodeLayout.Count(handle.Bytes))
            {
                path.Push((top.Page, top.NextChild + 1));
                next = NodeLayout.Child(handle.Bytes, top.NextChild);
                return true;
            }
        }

        next = 0;
        return false;
    }

    private T DecodeValue<T>(ReadOnlySpan<byte> leaf, int index, Func<ReadOnlySpan<byte>, T> decode)
    {
        var value = NodeLayout.Value(leaf, index);
        return value.IsOverflow
            ? decode(OverflowChain.Read(_txn, value.OverflowPage, value.Length))
            : decode(leaf.Slice(value.InlineOffset, value.Length));
    }

    private T DecodeEntry<T>(ReadOnlySpan<byte> leaf, int index, Func<ReadOnlySpan<byte>, ReadOnlySpan<byte>, T> decode)
    {
        var value = NodeLayout.Value(leaf, index);
        return value.IsOverflow
            ? decode(NodeLayout.Key(leaf, index), OverflowChain.Read(_txn, value.OverflowPage, value.Length))
            : decode(NodeLayout.Key(leaf, index), leaf.Slice(value.InlineOffset, value.Length));
    }

    /// <summary>A cell this size or smaller fits four to a page, so a split always has room.</summary>
    private static int MaxCellSize(int pageSize) => (PageLayout.ContentSize(pageSize) - NodeLayout.HeaderSize) / 4 - NodeLayout.SlotSize;

    private static ReadOnlySpan<byte> CheckNode(uint page, ReadOnlySpan<byte> bytes)
    {
        var type = PageLayout.GetType(bytes);
        if (type is not (PageType.BTreeLeaf or PageType.BTreeInterior))
        {
            throw StoreErrors.Corruption(page, $"expected a B+tree page, found {type}");
        }

        var count = NodeLayout.Count(bytes);
        var contentStart = NodeLayout.ContentStart(bytes);
        if (NodeLayout.HeaderSize + (count * NodeLayout.SlotSize) > contentStart || contentStart > PageLayout.ContentSize(bytes.Length))
        {
            throw StoreErrors.Corruption(page, $"B+tree node header is inconsistent ({count} cells, content at {contentStart})");
        }

        return bytes;
    }

    private static byte[] InteriorCell(uint child, ReadOnlySpan<byte> key)
    {
        var cell = new byte[NodeLayout.InteriorCellSize(key.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(cell, child);
        BinaryPrimitives.WriteUInt16LittleEndian(cell.AsSpan(4), (ushort)key.Length);
        key.CopyTo(cell.AsSpan(NodeLayout.InteriorCellHeaderSize));
        return cell;
    }
}
