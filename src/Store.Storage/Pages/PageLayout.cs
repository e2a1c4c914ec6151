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
/// Seeding with the page number makes a page written to the wrong place fail its check.
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

    private static uint Checksum(ReadOnlySpan<byte> page, uint pageNumber) =>
        (uint)XxHash3.HashToUInt64(page[..^ChecksumFromEnd], pageNumber);
}
