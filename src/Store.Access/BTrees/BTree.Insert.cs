using System.Buffers.Binary;
using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Paging;

namespace Store.Access.BTrees;

/// <summary>Insertion: upsert into a leaf, splitting full nodes on the way back up.</summary>
internal sealed partial class BTree
{
    private WriteTransaction Writer => _txn as WriteTransaction ?? throw StoreErrors.ReadOnlyTransaction();

    /// <summary>Inserts or replaces; returns true when the key was new.</summary>
    public bool Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var maxKey = MaxKeySize(_txn.PageSize);
        if (key.Length > maxKey)
        {
            throw StoreErrors.TooLarge("key", key.Length, maxKey);
        }

        if (value.Length > MaxValueSize)
        {
            throw StoreErrors.TooLarge("value", value.Length, MaxValueSize);
        }

        var cell = LeafCell(key, value);
        var split = InsertInto(Root, key, cell, out var replaced);
        if (split is { } s)
        {
            GrowRoot(s);
        }

        return !replaced;
    }

    private Split? InsertInto(uint page, ReadOnlySpan<byte> key, byte[] cell, out bool replaced)
    {
        bool leaf;
        int childIndex = 0;
        uint child = 0;
        using (var handle = _txn.Read(page))
        {
            var bytes = CheckNode(page, handle.Bytes);
            leaf = NodeLayout.IsLeaf(bytes);
            if (!leaf)
            {
                childIndex = NodeLayout.ChildIndexFor(bytes, key);
                child = NodeLayout.Child(bytes, childIndex);
            }
        }

        if (leaf)
        {
            var node = Writer.Write(page);
            var index = NodeLayout.Search(node, key, out replaced);
            if (replaced)
            {
                FreeValue(node, index);
                NodeWriter.Remove(node, index);
            }

            return NodeWriter.TryInsert(node, index, cell) ? null : SplitNode(page, index, cell);
        }

        var split = InsertInto(child, key, cell, out replaced);
        if (split is not { } s)
        {
            return null;
        }

        // The child kept the lower half: its slot now leads to the new right half, and a new
        // cell in front of it leads to the child for keys below the separator.
        var parent = Writer.Write(page);
        NodeWriter.SetChild(parent, childIndex, s.Right);
        var separatorCell = InteriorCell(child, s.Separator);
        return NodeWriter.TryInsert(parent, childIndex, separatorCell) ? null : SplitNode(page, childIndex, separatorCell);
    }

    /// <summary>
    /// Splits a full node after adding <paramref name="cell"/> at <paramref name="index"/>: the
    /// page keeps the lower half, a new page takes the upper half. A leaf's separator is the
    /// first key on the right; an interior node moves its middle key up instead.
    /// </summary>
    private Split SplitNode(uint page, int index, byte[] cell)
    {
        var node = Writer.Write(page);
        var leaf = NodeLayout.IsLeaf(node);
        var cells = NodeWriter.CopyCells(node);
        cells.Insert(index, cell);
        var rightmost = NodeLayout.Rightmost(node);

        var middle = SplitPoint(cells, appending: index == cells.Count - 1);
        var right = Writer.Allocate(leaf ? PageType.BTreeLeaf : PageType.BTreeInterior);
        if (leaf)
        {
            NodeWriter.Build(node, leaf: true, cells[..middle], 0);
            NodeWriter.Build(Writer.Write(right), leaf: true, cells[middle..], 0);
            return new Split(LeafCellKey(cells[middle]), right);
        }

        var promoted = cells[middle];
        NodeWriter.Build(node, leaf: false, cells[..middle], BinaryPrimitives.ReadUInt32LittleEndian(promoted));
        NodeWriter.Build(Writer.Write(right), leaf: false, cells[(middle + 1)..], rightmost);
        return new Split(promoted.AsSpan(NodeLayout.InteriorCellHeaderSize).ToArray(), right);
    }

    /// <summary>
    /// Where the upper half starts. An insert past the node's last key is usually an append
    /// (rising rowids), so the node is left full and only the new cell moves right, as
    /// SQLite's quick balance does; otherwise the cells are split by bytes down the middle.
    /// </summary>
    private static int SplitPoint(List<byte[]> cells, bool appending)
    {
        if (appending)
        {
            return cells.Count - 1;
        }

        var total = cells.Sum(c => c.Length);
        var middle = 0;
        for (var running = 0; middle < cells.Count - 2 && running + cells[middle].Length <= total / 2; middle++)
        {
            running += cells[middle].Length;
        }

        return Math.Max(middle, 1);
    }

    /// <summary>The root split in place: move its lower half to a new page and make the root their parent.</summary>
    private void GrowRoot(Split split)
    {
        var root = Writer.Write(Root);
        var left = Writer.Allocate(NodeLayout.IsLeaf(root) ? PageType.BTreeLeaf : PageType.BTreeInterior);
        root.CopyTo(Writer.Write(left));
        NodeWriter.Build(Writer.Write(Root), leaf: false, [InteriorCell(left, split.Separator)], split.Right);
    }

    private byte[] LeafCell(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var inline = NodeLayout.LeafCellSize(key.Length, value.Length) <= MaxCellSize(_txn.PageSize);
        var cell = new byte[NodeLayout.LeafCellSize(key.Length, inline ? value.Length : 4)];
        BinaryPrimitives.WriteUInt16LittleEndian(cell, (ushort)key.Length);
        cell[2] = inline ? (byte)0 : NodeLayout.OverflowFlag;
        BinaryPrimitives.WriteUInt32LittleEndian(cell.AsSpan(3), (uint)value.Length);
        key.CopyTo(cell.AsSpan(NodeLayout.LeafCellHeaderSize));
        var payload = cell.AsSpan(NodeLayout.LeafCellHeaderSize + key.Length);
        if (inline)
        {
            value.CopyTo(payload);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(payload, OverflowChain.Write(Writer, value));
        }

        return cell;
    }

    private static byte[] LeafCellKey(byte[] cell) =>
        cell.AsSpan(NodeLayout.LeafCellHeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(cell)).ToArray();

    private void FreeValue(ReadOnlySpan<byte> leaf, int index)
    {
        var value = NodeLayout.Value(leaf, index);
        if (value.IsOverflow)
        {
            OverflowChain.Free(Writer, value.OverflowPage);
        }
    }

    /// <summary>A node split: keys at or above <see cref="Separator"/> moved to page <see cref="Right"/>.</summary>
    private readonly record struct Split(byte[] Separator, uint Right);
}
