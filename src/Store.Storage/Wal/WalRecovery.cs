namespace Store.Storage.Wal;

/// <summary>
/// What recovery found in the log: whether its header was valid, the committed frames in
/// order, and the database size and LSN of the last commit (0 when there was none).
/// </summary>
internal sealed record WalRecovery(bool HeaderValid, IReadOnlyList<(uint Page, int Frame)> Frames, uint DatabaseSize, ulong LastLsn);
