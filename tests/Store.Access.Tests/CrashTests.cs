using Store.Core.Errors;
using Store.Storage.Paging;
using Store.Testing;
using Store.Testing.Crash;
using Xunit.Abstractions;

namespace Store.Access.Tests;

public class CrashTests(ITestOutputHelper output)
{
    /// <summary>
    /// Kills a real writer process with SIGKILL at 60 points; after each, every acknowledged
    /// commit must be there, nothing uncommitted may be, and the integrity check must be clean.
    /// The points come from the seed and the writer's progress (most after its Nth
    /// acknowledgement of the run), not from the clock, so a slow or busy machine checks the same
    /// work as a fast one. `bench/Store.Bench crash-soak` runs the same harness for 1,000+ kills.
    /// </summary>
    [Fact]
    public void Killed_writer_loses_no_acknowledged_commit_and_leaves_no_partial_one()
    {
        using var dir = new TempDirectory();
        var writer = Path.Combine(AppContext.BaseDirectory, "Store.CrashWriter.dll");

        var report = CrashHarness.Run(writer, dir.File("crash.db"), seed: 20261128, killPoints: 60, output.WriteLine);

        Assert.Empty(report.Failures);
        Assert.True(report.KillsDuringWork >= 30, $"only {report.KillsDuringWork} kills landed while commits streamed");
        Assert.True(report.AcknowledgementsAwaited > 100, $"the kills awaited only {report.AcknowledgementsAwaited} acknowledgements");
        Assert.True(report.LastTransaction >= report.AcknowledgementsAwaited, $"{report.LastTransaction} transactions recovered, fewer than the {report.AcknowledgementsAwaited} acknowledged");
    }

    [Fact]
    public void Second_process_gets_database_is_locked_while_a_writer_has_the_file_open()
    {
        using var dir = new TempDirectory();
        var path = dir.File("locked.db");
        using var writer = CrashHarness.StartWriter(Path.Combine(AppContext.BaseDirectory, "Store.CrashWriter.dll"), path, seed: 1);
        try
        {
            Assert.StartsWith("READY", writer.StandardOutput.ReadLine());

            var error = Assert.Throws<StoreException>(() => Pager.Open(path, CrashHarness.Options));

            Assert.Equal(ErrorCode.DatabaseLocked, error.Code);
            Assert.Equal("55P03", error.SqlState);
            Assert.Contains("database is locked", error.Message);
            Assert.Contains("open in one process at a time", error.Message);
        }
        finally
        {
            writer.Kill();
            writer.WaitForExit();
        }

        using var reopened = Pager.Open(path, CrashHarness.Options);
    }
}
