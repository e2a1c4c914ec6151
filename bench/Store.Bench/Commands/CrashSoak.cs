using System.Diagnostics;
using Store.Testing.Crash;

namespace Store.Bench.Commands;

/// <summary>
/// <c>crash-soak</c>: the crash test's harness for many more kill points than CI runs
/// (default 1,000): a real writer process killed with SIGKILL, the database reopened and
/// checked against the replayed model and the integrity check after each kill.
/// </summary>
internal static class CrashSoak
{
    public static int Run(BenchArguments arguments)
    {
        var kills = arguments.Int("kills", 1000);
        var seed = arguments.Int("seed", Environment.TickCount);
        var directory = Path.Combine(Path.GetTempPath(), "store-crash-soak", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var writer = Path.Combine(AppContext.BaseDirectory, "Store.CrashWriter.dll");
        Console.WriteLine($"crash-soak: {kills} kill points, seed {seed}, database in {directory}");

        var clock = Stopwatch.StartNew();
        var report = CrashHarness.Run(writer, Path.Combine(directory, "soak.db"), seed, kills, line =>
        {
            if (line.StartsWith("kill ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(5, line.IndexOf(':', StringComparison.Ordinal) - 5), out var n) && (n + 1) % 50 == 0)
            {
                Console.WriteLine($"  {line} ({clock.Elapsed:hh\\:mm\\:ss})");
            }
        });

        Console.WriteLine($"kill points: {report.KillPoints} ({report.KillsDuringWork} while commits streamed, the rest during start-up or recovery)");
        Console.WriteLine($"transactions committed: {report.LastTransaction}");
        Console.WriteLine($"failures: {report.Failures.Count}");
        foreach (var failure in report.Failures)
        {
            Console.WriteLine($"  {failure}");
        }

        Console.WriteLine($"elapsed: {clock.Elapsed:hh\\:mm\\:ss}");
        if (report.Failures.Count == 0)
        {
            Directory.Delete(directory, recursive: true);
        }

        return report.Failures.Count == 0 ? 0 : 1;
    }
}
