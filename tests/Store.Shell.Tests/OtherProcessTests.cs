using System.Diagnostics;
using Store.Testing;

namespace Store.Shell.Tests;

/// <summary>
/// Issue 15, part 4, as far as it is built: a database file is open in one process at a time
/// (read-only processes may share it), a second process waits for it up to its busy timeout and
/// then gets a typed "locked" error that says so, and a holder that dies, even by SIGKILL,
/// leaves nothing locked. Every process here is a real <c>store</c> process.
/// </summary>
public class OtherProcessTests
{
    [Fact]
    public void A_second_process_is_told_the_file_is_locked_and_why()
    {
        using var directory = new TempDirectory();
        var path = directory.File("held.store");
        using var holder = Holder.Start(path);

        foreach (var mode in new[] { "--echo", "--readonly" })
        {
            var (exitCode, _, error) = StoreProcess.Run([path, "--busy-timeout", "0", mode, "-c", "SELECT x FROM t"]);
            Assert.NotEqual(0, exitCode);
            Assert.Contains("55P03 (DatabaseLocked)", error);
            Assert.Contains("open in one process at a time", error);
            Assert.Contains("--busy-timeout", error);
        }
    }

    [Fact]
    public async Task A_second_process_waits_for_the_first_to_close_the_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("turns.store");
        var holder = Holder.Start(path);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { StoreProcess.Program, path, "--busy-timeout", "120", "--mode", "csv", "-c", "INSERT INTO t VALUES (8)", "-c", "SELECT sum(x) FROM t" })
        {
            start.ArgumentList.Add(argument);
        }

        using var waiting = Process.Start(start)!;
        var output = waiting.StandardOutput.ReadToEndAsync();
        var notice = await waiting.StandardError.ReadLineAsync();
        Assert.StartsWith("waiting up to 120 s for another process to close", notice);
        holder.Dispose();

        await waiting.WaitForExitAsync();
        Assert.True(waiting.ExitCode == 0, await waiting.StandardError.ReadToEndAsync());
        Assert.EndsWith("15\n", (await output).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_holder_killed_by_SIGKILL_leaves_the_file_unlocked()
    {
        using var directory = new TempDirectory();
        var path = directory.File("killed.store");
        var holder = Holder.Start(path);
        holder.Kill();

        var (exitCode, output, error) = StoreProcess.Run([path, "--busy-timeout", "0", "--mode", "csv", "-c", "SELECT x FROM t"]);
        Assert.True(exitCode == 0, error);
        Assert.EndsWith("7\n", output);
    }

    [Fact]
    public void Read_only_processes_share_the_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("shared.store");
        using var reader = Holder.Start(path, "--readonly");

        var (exitCode, output, error) = StoreProcess.Run([path, "--readonly", "--busy-timeout", "0", "--mode", "csv", "-c", "SELECT x FROM t"]);
        Assert.True(exitCode == 0, error);
        Assert.EndsWith("7\n", output);
    }

    /// <summary>A <c>store</c> process reading statements from a pipe, which keeps the file open until its input closes.</summary>
    private sealed class Holder : IDisposable
    {
        private readonly Process _process;

        private Holder(Process process) => _process = process;

        /// <summary>Starts a holder and returns once it has the file open (a new file is made first, with table t holding 7).</summary>
        public static Holder Start(string path, string mode = "--echo")
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { StoreProcess.Program, path, mode, "--mode", "csv" })
            {
                start.ArgumentList.Add(argument);
            }

            if (!File.Exists(path))
            {
                Assert.Equal(0, StoreProcess.Run([path, "-c", "CREATE TABLE t (x INTEGER)", "-c", "INSERT INTO t VALUES (7)"]).ExitCode);
            }

            var holder = new Holder(Process.Start(start)!);
            holder._process.StandardInput.WriteLine("SELECT 'holding' AS state;");
            holder._process.StandardInput.Flush();
            while (holder._process.StandardOutput.ReadLine() is { } line)
            {
                if (line == "holding")
                {
                    return holder;
                }
            }

            throw new InvalidOperationException("the holder exited before opening the file: " + holder._process.StandardError.ReadToEnd());
        }

        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
