namespace Store.Storage.Buffers;

/// <summary>One cached page image with its pin count and place in the LRU list.</summary>
internal sealed class BufferEntry(PageKey key, byte[] image)
{
    public PageKey Key { get; } = key;

    public byte[] Image { get; } = image;

    public int Pins { get; set; }

    public LinkedListNode<BufferEntry>? Node { get; set; }
}
