namespace Store.Storage.Wal;

/// <summary>Frames written for one commit but not yet published to readers.</summary>
internal readonly record struct PendingCommit(int FirstFrame, int FrameCount, ulong LastChecksum);
