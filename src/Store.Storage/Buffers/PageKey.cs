namespace Store.Storage.Buffers;

/// <summary>
/// Identifies one image of a page in the buffer pool: the main file's copy
/// (<see cref="Version"/> 0) or a particular WAL frame, so snapshots that see different
/// versions of a page never share a buffer.
/// </summary>
internal readonly record struct PageKey(uint Page, long Version)
{
    public static PageKey MainFile(uint page) => new(page, 0);

    public static PageKey WalFrame(uint page, int generation, int frame) => new(page, ((long)generation << 32) | (uint)(frame + 1));
}
