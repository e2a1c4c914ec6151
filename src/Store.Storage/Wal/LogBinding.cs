namespace Store.Storage.Wal;

/// <summary>
/// What the main file's header says about the log beside it: which log generation it was
/// last paired with (the log header's checkpoint sequence and salt), and whether that log may
/// hold commits not yet copied into the main file. A log with another sequence or salt is not
/// the database's own: when <see cref="Pending"/> is set that is a missing log, which must be
/// reported; otherwise it holds nothing the main file lacks and is overwritten.
/// </summary>
internal readonly record struct LogBinding(uint Sequence, ulong Salt, bool Pending)
{
    /// <summary>A new database: paired with no log yet (a log's sequence starts at 1).</summary>
    public static LogBinding None => new(0, 0, false);

    /// <summary>Whether the log whose header holds <paramref name="sequence"/> and <paramref name="salt"/> is the one named.</summary>
    public bool Names(uint sequence, ulong salt) => sequence == Sequence && salt == Salt;
}
