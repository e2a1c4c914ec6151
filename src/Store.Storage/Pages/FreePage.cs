using System.Buffers.Binary;

namespace Store.Storage.Pages;

/// <summary>
/// Layout of a page on the free list: a singly linked list threaded through the free pages.
/// <code>
/// [0, 4)  next free page, 0 at the end of the list (u32 LE)
/// </code>
/// </summary>
internal static class FreePage
{
    private const int NextOffset = 0;

    public static uint GetNext(ReadOnlySpan<byte> page) => BinaryPrimitives.ReadUInt32LittleEndian(page[NextOffset..]);

    public static void Initialize(Span<byte> page, uint next)
    {
        page.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(page[NextOffset..], next);
        PageLayout.SetType(page, PageType.Free);
    }
}
