using System.Buffers.Binary;
using Store.Storage.Pages;

namespace Store.Access.BTrees;

/// <summary>
/// Byte layout of a B+tree node (a slotted page) and read accessors that work on both
/// pinned read-only pages and writable ones. Keys are compared as bytes (memcmp order).
/// <code>
/// [0, 2)    cell count (u16 LE)
/// [2, 4)    start of the cell content area; cells fill [start, content end) (u16 LE; content ends at the trailer)
/// [4, 8)    interior: rightmost child page (u32 LE); leaf: reserved, zero
/// [8, 8+2n) slot array: offset of each cell, in key order (u16 LE)
/// leaf cell:     [0,2) key length u16 | [2] flags (1 = value in overflow chain) | [3,7) value length u32
///                | key | value bytes, or the first overflow page (u32) when flagged
/// interior cell: [0,4) child page u32 | [4,6) key length u16 | key
/// </code>
/// An interior cell's child holds keys below the cell's key (and at or above the previous
/// cell's key); the rightmost child holds the keys at or above the last cell's key.
/// </summary>
internal static class NodeLayout
{
    public const int HeaderSize = 8;
    public const int SlotSize = 2;
    public const int LeafCellHeaderSize = 7;
    public const int InteriorCellHeaderSize = 6;
    public const byte OverflowFlag = 1;

    public const int CountOffset = 0;
    public const int ContentStartOffset = 2;
    public const int RightmostOffset = 4;

    public static bool IsLeaf(ReadOnlySpan<byte> page) => PageLayout.GetType(page) == PageType.BTreeLeaf;

    public static int Count(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt16LittleEndian(page[CountOffset..]);

    public static int ContentStart(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt16LittleEndian(page[ContentStartOffset..]);

    public static uint Rightmost(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[RightmostOffset..]);

    public static int CellOffset(ReadOnlySpan<byte> page, int index) =>
        BinaryPrimitives.ReadUInt16LittleEndian(page[(HeaderSize + (index * SlotSize))..]);

    public static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> page, int index)
    {
        var cell = page[CellOffset(page, index)..];
        return IsLeaf(page)
            ? cell.Slice(LeafCellHeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(cell))
            : cell.Slice(InteriorCellHeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(cell[4..]));
    }

    public static uint Child(ReadOnlySpan<byte> page, int index) =>
        index == Count(page) ? Rightmost(page) : BinaryPrimitives.ReadUInt32LittleEndian(page[CellOffset(page, index)..]);

    public static LeafValue Value(ReadOnlySpan<byte> page, int index)
    {
        var offset = CellOffset(page, index);
        var cell = page[offset..];
        var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(cell);
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(cell[3..]);
        var valueOffset = offset + LeafCellHeaderSize + keyLength;
        return (cell[2] & OverflowFlag) != 0
            ? new LeafValue(length, BinaryPrimitives.ReadUInt32LittleEndian(page[valueOffset..]), 0)
            : new LeafValue(length, 0, valueOffset);
    }

    public static int LeafCellSize(int keyLength, int storedValueLength) => LeafCellHeaderSize + keyLength + storedValueLength;

    public static int InteriorCellSize(int keyLength) => InteriorCellHeaderSize + keyLength;

    public static ReadOnlySpan<byte> Cell(ReadOnlySpan<byte> page, int index) => page.Slice(CellOffset(page, index), CellSize(page, index));

    public static int CellSize(ReadOnlySpan<byte> page, int index)
    {
        var cell = page[CellOffset(page, index)..];
        if (!IsLeaf(page))
        {
            return InteriorCellSize(BinaryPrimitives.ReadUInt16LittleEndian(cell[4..]));
        }

        var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(cell);
        var stored = (cell[2] & OverflowFlag) != 0 ? 4 : (int)BinaryPrimitives.ReadUInt32LittleEndian(cell[3..]);
        return LeafCellSize(keyLength, stored);
    }

    /// <summary>Bytes of cells plus slots: what the page holds, for fill and merge decisions.</summary>
    public static int UsedBytes(ReadOnlySpan<byte> page)
    {
        var count = Count(page);
        var used = HeaderSize + (count * SlotSize);
        for (var i = 0; i < count; i++)
        {
            used += CellSize(page, i);
        }

        return used;
    }

    /// <summary>
    /// Index of the first key at or above <paramref name="key"/> (Count when none);
    /// <paramref name="found"/> says whether it is equal.
    /// </summary>
    public static int Search(ReadOnlySpan<byte> page, ReadOnlySpan<byte> key, out bool found)
    {
        int low = 0, high = Count(page) - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var cmp = Key(page, mid).SequenceCompareTo(key);
            if (cmp == 0)
            {
                found = true;
                return mid;
            }

            if (cmp < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        found = false;
        return low;
    }

    /// <summary>The child slot of an interior node that covers <paramref name="key"/> (Count = rightmost).</summary>
    public static int ChildIndexFor(ReadOnlySpan<byte> page, ReadOnlySpan<byte> key)
    {
        var index = Search(page, key, out var found);
        return found ? index + 1 : index;
    }
}
