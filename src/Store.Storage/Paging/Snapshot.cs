namespace Store.Storage.Paging;

/// <summary>
/// A consistent view of the database: WAL frames below <see cref="Mark"/> of log generation
/// <see cref="Generation"/>, the main file for every other page. A snapshot of an older
/// generation reads only the main file, which a complete checkpoint left equal to it.
/// Reference identity matters: the pager tracks live snapshots to bound checkpoints.
/// </summary>
internal sealed class Snapshot(int generation, int mark, uint pageCount, ulong lsn)
{
    public int Generation { get; } = generation;

    public int Mark { get; } = mark;

    public uint PageCount { get; } = pageCount;

    public ulong Lsn { get; } = lsn;
}
