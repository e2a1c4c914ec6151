namespace Store.Storage.Wal;

/// <summary>
/// What recovery found in the log: the committed frames in order, and the database size and
/// LSN of the last commit (0 when there was none). When a frame fails its check and intact
/// frames of a later commit follow it, the damage is not a torn tail: <see cref="DamagedFrame"/>
/// names the frame, and the frames are those before it.
/// </summary>
internal sealed record WalRecovery(IReadOnlyList<(uint Page, int Frame)> Frames, uint DatabaseSize, ulong LastLsn, int? DamagedFrame = null)
{
    /// <summary>A log with nothing to recover: empty, or not the database's own.</summary>
    public static WalRecovery Empty { get; } = new([], 0, 0);
}
