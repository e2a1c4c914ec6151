using System.Buffers.Binary;
using Store.Storage.Pages;

namespace Store.Access.BTrees;

/// <summary>Mutations of a B+tree node in a writable page; see <see cref="NodeLayout"/>.</summary>
internal static class NodeWriter
{
    /// <summary>Makes <paramref name="page"/> an empty node of the given kind.</summary>
    public static void Initialize(Span<byte> page, bool leaf)
    {
        page[..PageLayout.ContentSize(page.Length)].Clear();
        PageLayout.SetType(page, leaf ? PageType.BTreeLeaf : PageType.BTreeInterior);
        BinaryPrimitives.WriteUInt16LittleEndian(page[NodeLayout.ContentStartOffset..], (ushort)PageLayout.ContentSize(page.Length));
    }

    /// <summary>Rewrites the node to hold exactly <paramref name="cells"/>, in order.</summary>
    public static void Build(Span<byte> page, bool leaf, IReadOnlyList<byte[]> cells, uint rightmost)
    {
        Initialize(page, leaf);
        SetRightmost(page, rightmost);
        for (var i = 0; i < cells.Count; i++)
        {
            if (!TryInsert(page, i, cells[i]))
            {
                throw new InvalidOperationException("cells do not fit in one page");
            }
        }
    }

    public static void SetRightmost(Span<byte> page, uint child) =>
        BinaryPrimitives.WriteUInt32LittleEndian(page[NodeLayout.RightmostOffset..], child);

    /// <summary>Points child slot <paramref name="index"/> (Count = rightmost) at <paramref name="child"/>.</summary>
    public static void SetChild(Span<byte> page, int index, uint child)
    {
        if (index == NodeLayout.Count(page))
        {
            SetRightmost(page, child);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(page[NodeLayout.CellOffset(page, index)..], child);
        }
    }

    /// <summary>Inserts a cell at slot <paramref name="index"/>; false when the page lacks room.</summary>
    public static bool TryInsert(Span<byte> page, int index, ReadOnlySpan<byte> cell)
    {
        var count = NodeLayout.Count(page);
        var slotsEnd = NodeLayout.HeaderSize + ((count + 1) * NodeLayout.SlotSize);
        var start = NodeLayout.ContentStart(page);
        if (start - cell.Length < slotsEnd)
        {
            var free = PageLayout.ContentSize(page.Length) - NodeLayout.UsedBytes(page) - NodeLayout.SlotSize;
            if (free < cell.Length)
            {
                return false;
            }

            Compact(page);
            start = NodeLayout.ContentStart(page);
        }

        start -= cell.Length;
        cell.CopyTo(page[start..]);
        BinaryPrimitives.WriteUInt16LittleEndian(page[NodeLayout.ContentStartOffset..], (ushort)start);
        var slot = NodeLayout.HeaderSize + (index * NodeLayout.SlotSize);
        page[slot..(slotsEnd - NodeLayout.SlotSize)].CopyTo(page[(slot + NodeLayout.SlotSize)..]);
        BinaryPrimitives.WriteUInt16LittleEndian(page[slot..], (ushort)start);
        BinaryPrimitives.WriteUInt16LittleEndian(page[NodeLayout.CountOffset..], (ushort)(count + 1));
        return true;
    }

    /// <summary>Removes the cell at <paramref name="index"/>; its bytes become free space at the next compaction.</summary>
    public static void Remove(Span<byte> page, int index)
    {
        var count = NodeLayout.Count(page);
        var slot = NodeLayout.HeaderSize + (index * NodeLayout.SlotSize);
        var slotsEnd = NodeLayout.HeaderSize + (count * NodeLayout.SlotSize);
        page[(slot + NodeLayout.SlotSize)..slotsEnd].CopyTo(page[slot..]);
        page.Slice(slotsEnd - NodeLayout.SlotSize, NodeLayout.SlotSize).Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(page[NodeLayout.CountOffset..], (ushort)(count - 1));
        if (count == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(page[NodeLayout.ContentStartOffset..], (ushort)PageLayout.ContentSize(page.Length));
        }
    }

    /// <summary>All cells of a node as separate arrays, in key order (for splits and merges).</summary>
    public static List<byte[]> CopyCells(ReadOnlySpan<byte> page)
    {
        var count = NodeLayout.Count(page);
        var cells = new List<byte[]>(count + 1);
        for (var i = 0; i < count; i++)
        {
            cells.Add(NodeLayout.Cell(page, i).ToArray());
        }

        return cells;
    }

    private static void Compact(Span<byte> page) =>
        Build(page, NodeLayout.IsLeaf(page), CopyCells(page), NodeLayout.Rightmost(page));
}
