using System.Buffers.Binary;
using System.IO.Hashing;

namespace Store.Storage.Pages;

/// <summary>
/// The trailer every page ends with. Content owns bytes [0, size - TrailerSize).
/// <code>
/// [size-16, size-8)  LSN of the commit that last wrote the page (u64 LE)
/// [size-8]           page type (<see cref="PageType"/>)
/// [size-7, size-4)   reserved, zero
/// [size-4, size)     checksum: low 32 bits of XxHash3 over [0, size-4), seeded with the page number
/// </code>
/// Seeding with the page number makes a page written to the wrong place fail its check. Page 0's
/// checksum reads its log binding (<see cref="HeaderPage.LogBindingOffset"/>) as zeros: the
/// pager rewrites that field in place while readers may be reading the page, and a crash in the
/// middle of that write must not make the page fail. The field has its own checksum. Version 1
/// files kept the field zero, so their page 0 checks out unchanged.
/// </summary>
internal static class PageLayout
{
    public const int TrailerSize = 16;
    public const int MinPageSize = 4 * 1024;
    public const int MaxPageSize = 64 * 1024;
    public const int DefaultPageSize = 8 * 1024;

    private const int LsnFromEnd = 16;
    private const int TypeFromEnd = 8;
    private const int ChecksumFromEnd = 4;

    public static bool IsValidPageSize(int size) =>
        size is >= MinPageSize and <= MaxPageSize && (size & (size - 1)) == 0;

    /// <summary>The bytes a page's owner may use.</summary>
    public static int ContentSize(int pageSize) => pageSize - TrailerSize;

    public static PageType GetType(ReadOnlySpan<byte> page) => (PageType)page[^TypeFromEnd];

    public static void SetType(Span<byte> page, PageType type) => page[^TypeFromEnd] = (byte)type;

    public static ulong GetLsn(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt64LittleEndian(page[^LsnFromEnd..]);

    /// <summary>Stamps LSN and checksum; called once per page at commit.</summary>
    public static void Seal(Span<byte> page, uint pageNumber, ulong lsn)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(page[^LsnFromEnd..], lsn);
        page[^(TypeFromEnd - 1)..^ChecksumFromEnd].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(page[^ChecksumFromEnd..], Checksum(page, pageNumber));
    }

    public static bool HasValidChecksum(ReadOnlySpan<byte> page, uint pageNumber) =>
        BinaryPrimitives.ReadUInt32LittleEndian(page[^ChecksumFromEnd..]) == Checksum(page, pageNumber);

    private static uint Checksum(ReadOnlySpan<byte> page, uint pageNumber)
    {
        var covered = page[..^ChecksumFromEnd];
        if (pageNumber != 0)
        {
            return (uint)XxHash3.HashToUInt64(covered, pageNumber);
        }

        var hash = new XxHash3(pageNumber);
        hash.Append(covered[..HeaderPage.LogBindingOffset]);
        hash.Append(stackalloc byte[HeaderPage.LogBindingSize]);
        hash.Append(covered[(HeaderPage.LogBindingOffset + HeaderPage.LogBindingSize)..]);
        return (uint)hash.GetCurrentHashAsUInt64();
    }
}
