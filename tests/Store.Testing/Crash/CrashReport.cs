namespace Store.Testing.Crash;

/// <summary>Outcome of a crash run: kill points, how many fell while commits streamed, the last transaction seen, failures.</summary>
public sealed record CrashReport(int KillPoints, int KillsDuringWork, long LastTransaction, IReadOnlyList<string> Failures);
