namespace Store.Testing.Crash;

/// <summary>
/// Outcome of a crash run: kill points, how many fell while commits streamed, the
/// acknowledgements those kills awaited between them (the transactions the schedule guarantees,
/// whatever the machine's speed), the last transaction seen, failures.
/// </summary>
public sealed record CrashReport(int KillPoints, int KillsDuringWork, long AcknowledgementsAwaited, long LastTransaction, IReadOnlyList<string> Failures);
