using System.Buffers.Binary;
using System.Text;

namespace Store.Storage.Pages;

/// <summary>
/// Layout of page 0, the file header. Magic, version and page size never change after
/// creation, so they can be read from the main file even while newer images of page 0 sit
/// in the WAL.
/// <code>
/// [0, 16)   magic "Store database\0\0"
/// [16, 20)  format version (u32 LE)
/// [20, 24)  page size in bytes (u32 LE)
/// [24, 28)  page count: pages in use, including page 0 and free pages (u32 LE)
/// [28, 32)  first page of the free list, 0 when empty (u32 LE)
/// [32, 36)  number of pages on the free list (u32 LE)
/// [36, 40)  reserved, zero
/// [40, 48)  commit counter: the LSN of the last commit (u64 LE)
/// [64, 96)  eight root slots (u32 LE each) owned by the access layer (slot 0: catalog)
/// </code>
/// </summary>
internal static class HeaderPage
{
    public const int FormatVersion = 1;
    public const int RootSlotCount = 8;

    /// <summary>Bytes that must be readable to identify a file: magic, version, page size.</summary>
    public const int IdentitySize = 24;

    private const int MagicOffset = 0;
    private const int VersionOffset = 16;
    private const int PageSizeOffset = 20;
    private const int PageCountOffset = 24;
    private const int FreeHeadOffset = 28;
    private const int FreeCountOffset = 32;
    private const int LastLsnOffset = 40;
    private const int RootSlotsOffset = 64;

    private static ReadOnlySpan<byte> Magic => "Store database\0\0"u8;

    public static void Initialize(Span<byte> page, int pageSize)
    {
        page.Clear();
        Magic.CopyTo(page[MagicOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(page[VersionOffset..], FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(page[PageSizeOffset..], (uint)pageSize);
        SetPageCount(page, 1);
        PageLayout.SetType(page, PageType.Header);
    }

    public static bool HasMagic(ReadOnlySpan<byte> identity) => identity[..Magic.Length].SequenceEqual(Magic);

    public static string DescribeMagic(ReadOnlySpan<byte> identity) =>
        Encoding.ASCII.GetString(identity[..Magic.Length]).Replace('\0', '.');

    public static int GetFormatVersion(ReadOnlySpan<byte> page) => (int)BinaryPrimitives.ReadUInt32LittleEndian(page[VersionOffset..]);

    public static int GetPageSize(ReadOnlySpan<byte> page) => (int)BinaryPrimitives.ReadUInt32LittleEndian(page[PageSizeOffset..]);

    public static uint GetPageCount(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[PageCountOffset..]);

    public static void SetPageCount(Span<byte> page, uint count) => BinaryPrimitives.WriteUInt32LittleEndian(page[PageCountOffset..], count);

    public static uint GetFreeHead(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[FreeHeadOffset..]);

    public static void SetFreeHead(Span<byte> page, uint head) => BinaryPrimitives.WriteUInt32LittleEndian(page[FreeHeadOffset..], head);

    public static uint GetFreeCount(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[FreeCountOffset..]);

    public static void SetFreeCount(Span<byte> page, uint count) => BinaryPrimitives.WriteUInt32LittleEndian(page[FreeCountOffset..], count);

    public static ulong GetLastLsn(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt64LittleEndian(page[LastLsnOffset..]);

    public static void SetLastLsn(Span<byte> page, ulong lsn) => BinaryPrimitives.WriteUInt64LittleEndian(page[LastLsnOffset..], lsn);

    public static uint GetRoot(ReadOnlySpan<byte> page, int slot) =>
        BinaryPrimitives.ReadUInt32LittleEndian(page[(RootSlotsOffset + (CheckSlot(slot) * 4))..]);

    public static void SetRoot(Span<byte> page, int slot, uint root) =>
        BinaryPrimitives.WriteUInt32LittleEndian(page[(RootSlotsOffset + (CheckSlot(slot) * 4))..], root);

    private static int CheckSlot(int slot) =>
        slot is >= 0 and < RootSlotCount ? slot : throw new ArgumentOutOfRangeException(nameof(slot));
}
