using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Store.Storage.Wal;

namespace Store.Storage.Pages;

/// <summary>
/// Layout of page 0, the file header. Magic, version and page size never change after
/// creation (but for version 1 becoming 2 at its first checkpoint), so they can be read from
/// the main file even while newer images of page 0 sit in the WAL.
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
/// [96, 120) log binding (<see cref="LogBinding"/>), version 2 on:
///   [96, 100)   1 when the log named may hold commits not yet copied into this file, else 0 (u32 LE)
///   [100, 104)  that log's checkpoint sequence (u32 LE)
///   [104, 112)  that log's salt (u64 LE)
///   [112, 120)  XxHash3 of bytes [96, 112) (u64 LE)
/// </code>
/// Only the main file's copy of the binding means anything: the pager rewrites it in place, so
/// the page checksum reads it as zeros (<see cref="PageLayout"/>), and it carries its own. Images
/// of page 0 in the log hold whatever binding their transaction copied; a checkpoint overwrites it.
/// </summary>
internal static class HeaderPage
{
    /// <summary>Version 2 added the log binding; version 1 files are read and become version 2 at their first checkpoint.</summary>
    public const int FormatVersion = 2;
    public const int RootSlotCount = 8;

    /// <summary>Bytes that must be readable to identify a file: magic, version, page size.</summary>
    public const int IdentitySize = 24;

    public const int LogBindingOffset = 96;
    public const int LogBindingSize = 24;

    private const int MagicOffset = 0;
    private const int VersionOffset = 16;
    private const int PageSizeOffset = 20;
    private const int PageCountOffset = 24;
    private const int FreeHeadOffset = 28;
    private const int FreeCountOffset = 32;
    private const int LastLsnOffset = 40;
    private const int RootSlotsOffset = 64;

    private const int BindingPendingOffset = 0;
    private const int BindingSequenceOffset = 4;
    private const int BindingSaltOffset = 8;
    private const int BindingChecksumOffset = 16;

    private static ReadOnlySpan<byte> Magic => "Store database\0\0"u8;

    public static void Initialize(Span<byte> page, int pageSize)
    {
        page.Clear();
        Magic.CopyTo(page[MagicOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(page[VersionOffset..], FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(page[PageSizeOffset..], (uint)pageSize);
        SetPageCount(page, 1);
        SetLogBinding(page, LogBinding.None);
        PageLayout.SetType(page, PageType.Header);
    }

    public static bool HasMagic(ReadOnlySpan<byte> identity) => identity[..Magic.Length].SequenceEqual(Magic);

    public static string DescribeMagic(ReadOnlySpan<byte> identity) =>
        Encoding.ASCII.GetString(identity[..Magic.Length]).Replace('\0', '.');

    public static int GetFormatVersion(ReadOnlySpan<byte> page) => (int)BinaryPrimitives.ReadUInt32LittleEndian(page[VersionOffset..]);

    public static void SetFormatVersion(Span<byte> page, int version) => BinaryPrimitives.WriteUInt32LittleEndian(page[VersionOffset..], (uint)version);

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

    /// <summary>
    /// The log binding of a version 2 header, or null when the header cannot say: a version 1
    /// file, or a binding that fails its own checksum (a write of it cut short).
    /// </summary>
    public static LogBinding? GetLogBinding(ReadOnlySpan<byte> page)
    {
        if (GetFormatVersion(page) < 2)
        {
            return null;
        }

        var binding = page.Slice(LogBindingOffset, LogBindingSize);
        var pending = BinaryPrimitives.ReadUInt32LittleEndian(binding[BindingPendingOffset..]);
        if (pending > 1 || BinaryPrimitives.ReadUInt64LittleEndian(binding[BindingChecksumOffset..]) != XxHash3.HashToUInt64(binding[..BindingChecksumOffset]))
        {
            return null;
        }

        return new LogBinding(
            BinaryPrimitives.ReadUInt32LittleEndian(binding[BindingSequenceOffset..]),
            BinaryPrimitives.ReadUInt64LittleEndian(binding[BindingSaltOffset..]),
            pending == 1);
    }

    public static void SetLogBinding(Span<byte> page, LogBinding binding) => WriteLogBinding(page.Slice(LogBindingOffset, LogBindingSize), binding);

    /// <summary>Encodes <paramref name="binding"/> into the <see cref="LogBindingSize"/> bytes of the field alone.</summary>
    public static void WriteLogBinding(Span<byte> field, LogBinding binding)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(field[BindingPendingOffset..], binding.Pending ? 1u : 0u);
        BinaryPrimitives.WriteUInt32LittleEndian(field[BindingSequenceOffset..], binding.Sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(field[BindingSaltOffset..], binding.Salt);
        BinaryPrimitives.WriteUInt64LittleEndian(field[BindingChecksumOffset..], XxHash3.HashToUInt64(field[..BindingChecksumOffset]));
    }

    private static int CheckSlot(int slot) =>
        slot is >= 0 and < RootSlotCount ? slot : throw new ArgumentOutOfRangeException(nameof(slot));
}
