using System.Buffers.Binary;
using Store.Core.Errors;
using Store.Storage.Pages;
using Store.Storage.Paging;

namespace Store.Access.BTrees;

/// <summary>
/// Values too large for a leaf cell live in a chain of overflow pages.
/// <code>
/// [0, 4)  next page of the chain, 0 at the end (u32 LE)
/// [4, 8)  bytes of the value held in this page (u32 LE)
/// [8, ..) those bytes
/// </code>
/// </summary>
internal static class OverflowChain
{
    private const int NextOffset = 0;
    private const int LengthOffset = 4;
    private const int DataOffset = 8;

    public static int Capacity(int pageSize) => PageLayout.ContentSize(pageSize) - DataOffset;

    /// <summary>Writes <paramref name="value"/> into new pages; returns the first.</summary>
    public static uint Write(WriteTransaction txn, ReadOnlySpan<byte> value)
    {
        var capacity = Capacity(txn.PageSize);
        var pageCount = (value.Length + capacity - 1) / capacity;
        var pages = new uint[pageCount];
        for (var i = 0; i < pageCount; i++)
        {
            pages[i] = txn.Allocate(PageType.Overflow);
        }

        for (var i = 0; i < pageCount; i++)
        {
            var page = txn.Write(pages[i]);
            var chunk = value.Slice(i * capacity, Math.Min(capacity, value.Length - (i * capacity)));
            BinaryPrimitives.WriteUInt32LittleEndian(page[NextOffset..], i + 1 < pageCount ? pages[i + 1] : 0);
            BinaryPrimitives.WriteUInt32LittleEndian(page[LengthOffset..], (uint)chunk.Length);
            chunk.CopyTo(page[DataOffset..]);
        }

        return pages[0];
    }

    /// <summary>Reads a whole value back, checking each page's type and the total length.</summary>
    public static byte[] Read(ReadTransaction txn, uint first, int length)
    {
        if (length is < 0 or > BTree.MaxValueSize)
        {
            throw StoreErrors.Corruption(first, $"overflow value claims {(uint)length} bytes");
        }

        var value = new byte[length];
        var filled = 0;
        foreach (var (page, chunk) in Walk(txn, first))
        {
            if (filled + chunk.Length > length)
            {
                throw StoreErrors.Corruption(page, "overflow chain is longer than its value");
            }

            chunk.CopyTo(value.AsSpan(filled));
            filled += chunk.Length;
        }

        return filled == length ? value : throw StoreErrors.Corruption(first, $"overflow chain holds {filled} of {length} bytes");
    }

    /// <summary>Returns every page of the chain to the free list.</summary>
    public static void Free(WriteTransaction txn, uint first)
    {
        var pages = Walk(txn, first).Select(p => p.Page).ToList();
        foreach (var page in pages)
        {
            txn.Free(page);
        }
    }

    /// <summary>The chain's pages with the bytes each holds; fails on a loop or a wrong page type.</summary>
    public static IEnumerable<(uint Page, byte[] Chunk)> Walk(ReadTransaction txn, uint first)
    {
        var seen = new HashSet<uint>();
        for (var page = first; page != 0;)
        {
            if (!seen.Add(page))
            {
                throw StoreErrors.Corruption(page, "overflow chain loops");
            }

            byte[] chunk;
            uint next;
            using (var handle = txn.Read(page))
            {
                var bytes = handle.Bytes;
                if (PageLayout.GetType(bytes) != PageType.Overflow)
                {
                    throw StoreErrors.Corruption(page, $"expected an overflow page, found {PageLayout.GetType(bytes)}");
                }

                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[LengthOffset..]);
                if (length > Capacity(bytes.Length))
                {
                    throw StoreErrors.Corruption(page, $"overflow page claims {length} bytes");
                }

                chunk = bytes.Slice(DataOffset, length).ToArray();
                next = BinaryPrimitives.ReadUInt32LittleEndian(bytes[NextOffset..]);
            }

            yield return (page, chunk);
            page = next;
        }
    }
}
