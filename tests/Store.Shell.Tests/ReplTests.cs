using System.Diagnostics;

namespace Store.Shell.Tests;

/// <summary>The REPL in a real terminal: tmux runs store, the test types keys and reads the screen.</summary>
public class ReplTests
{
    [Fact]
    public void Repl_runs_multiline_statements_dot_commands_and_history()
    {
        var name = "store-test-" + Environment.ProcessId;
        Tmux("new-session", "-d", "-s", name, "-x", "150", "-y", "50", $"dotnet {StoreProcess.Program} :memory:");
        try
        {
            WaitFor(name, "store>");
            Line(name, "CREATE TABLE t (n INTEGER, label TEXT);");
            Line(name, "INSERT INTO t VALUES (1, 'one'), (2, 'two');");
            WaitFor(name, "(2 rows changed)");
            Line(name, "SELECT n, label");
            WaitFor(name, "...>");
            Line(name, "FROM t ORDER BY n DESC;");
            WaitFor(name, "(2 rows)");
            Line(name, "SELECT nope FROM t;");
            WaitFor(name, "error 42703");
            Line(name, "SELECT label FROM t WHERE n = 1;");
            WaitFor(name, "(1 row)");
            Line(name, ".tables");

            // Up twice recalls the SELECT before .tables; Home and typing edit it into an EXPLAIN.
            Keys(name, "Up", "Up", "Home");
            Type(name, "EXPLAIN ");
            Keys(name, "Enter");
            WaitFor(name, "scan table t");
            var screen = Capture(name);
            Line(name, ".quit");

            Assert.Contains("2 | two", screen, StringComparison.Ordinal);
            Assert.Contains("store> EXPLAIN SELECT label FROM t WHERE n = 1;", screen, StringComparison.Ordinal);
            Assert.Contains("\nt\n", screen.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            WaitUntilClosed(name);
        }
        finally
        {
            TryTmux("kill-session", "-t", name);
        }
    }

    private static void Keys(string session, params string[] keys) => Tmux(["send-keys", "-t", session, .. keys]);

    /// <summary>Types text literally; a trailing ';' is escaped, since tmux reads it as a command separator.</summary>
    private static void Type(string session, string text) =>
        Tmux("send-keys", "-l", "-t", session, text.EndsWith(';') ? text[..^1] + "\\;" : text);

    private static void Line(string session, string text)
    {
        Type(session, text);
        Keys(session, "Enter");
    }

    private static string Capture(string session) => Tmux("capture-pane", "-p", "-t", session);

    private static void WaitFor(string session, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!Capture(session).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"'{text}' did not appear; the screen shows:\n{Capture(session)}");
            Thread.Sleep(100);
        }
    }

    private static void WaitUntilClosed(string session)
    {
        var clock = Stopwatch.StartNew();
        while (TryTmux("has-session", "-t", session) == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), ".quit did not end the shell");
            Thread.Sleep(100);
        }
    }

    private static string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"tmux {string.Join(" ", arguments)} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    private static int TryTmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
