using System.Diagnostics;
using Store.Core.Errors;
using Store.Core.Options;
using Store.Engine;
using Store.Shell.DotCommands;
using Store.Shell.Output;
using Store.Shell.Scripts;

namespace Store.Shell;

/// <summary>
/// The shell's state around one open database: its session, output mode and switches, and
/// where it writes. Runs scripts line by line: dot commands at the start of a line, SQL
/// statements when their semicolon arrives.
/// </summary>
internal sealed class ShellContext : IDisposable
{
    private readonly Database _database;

    public ShellContext(string path, bool readOnly, TextWriter output, TextWriter error, InferenceDevice device = InferenceDevice.Auto, TimeSpan? busyTimeout = null)
    {
        var options = new DatabaseOptions { Mode = readOnly ? OpenMode.ReadOnly : OpenMode.ReadWriteCreate, Device = device, Notices = error.WriteLine };
        _database = Database.Open(path, busyTimeout is { } timeout ? options with { BusyTimeout = timeout } : options);
        Session = _database.OpenSession();
        Out = output;
        Err = error;
    }

    public Session Session { get; }

    public string DatabasePath => _database.Path;

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    public OutputMode Mode { get; set; } = OutputMode.Table;

    /// <summary>Whether scripts print each statement before its result (the REPL never does: the statement is on screen).</summary>
    public bool Echo { get; set; }

    public bool Timer { get; set; }

    /// <summary>Whether each query's plan is printed before its rows (<c>.explain on</c>).</summary>
    public bool ExplainQueries { get; set; }

    /// <summary>The terminal's width for fitting tables; null when output is not a terminal.</summary>
    public int? Width { get; set; }

    /// <summary>Whether a progress bar may be drawn (standard error is a terminal).</summary>
    public bool ShowProgress { get; set; }

    /// <summary>Set by <c>.quit</c>.</summary>
    public bool QuitRequested { get; set; }

    /// <summary>
    /// Runs a script; stops at the first failing statement or command when <paramref name="stopOnError"/>.
    /// Returns whether everything succeeded.
    /// </summary>
    public bool RunScript(TextReader input, string source, bool stopOnError)
    {
        var pending = "";
        var pendingLine = 1;
        var lineNumber = 0;
        var ok = true;
        while (!QuitRequested && input.ReadLine() is { } line)
        {
            lineNumber++;
            if (StatementSplitter.IsBlank(pending) && line.TrimStart().StartsWith('.'))
            {
                ok &= RunDotCommand(line.Trim());
                pending = "";
            }
            else
            {
                if (StatementSplitter.IsBlank(pending))
                {
                    pendingLine = lineNumber;
                }

                pending += line + "\n";
                foreach (var statement in StatementSplitter.Split(pending, out pending))
                {
                    ok &= RunStatement(statement, source, pendingLine, Echo);
                    pendingLine = lineNumber;
                }

                // What follows the last semicolon on this line starts the next statement's count.
                if (StatementSplitter.IsBlank(pending))
                {
                    pending = "";
                }
            }

            if (!ok && stopOnError)
            {
                return false;
            }
        }

        if (!StatementSplitter.IsBlank(pending))
        {
            ok &= RunStatement(pending, source, pendingLine, Echo);
        }

        return ok;
    }

    /// <summary>Runs the SQL statements in <paramref name="sql"/>, printing results (after the statement itself when <paramref name="echo"/>); false after an error.</summary>
    public bool RunStatement(string sql, string source = "", int firstLine = 1, bool echo = false)
    {
        if (StatementSplitter.IsBlank(sql))
        {
            return true;
        }

        // Only changes report progress: a query's rows print to the same terminal as they come.
        var progress = ShowProgress ? new RowCountLine(Err, "embedding") : null;
        try
        {
            if (echo)
            {
                Out.WriteLine(sql.Trim());
            }

            var clock = Stopwatch.StartNew();
            foreach (var statement in Session.PrepareScript(sql))
            {
                if (ExplainQueries && statement.IsQuery)
                {
                    using var plan = Session.Execute("EXPLAIN " + sql.Trim().TrimEnd(';'));
                    while (plan.Read())
                    {
                        Out.WriteLine("plan: " + plan[0].AsText);
                    }
                }

                Session.ModelProgress = progress is not null && !statement.IsQuery ? progress.Report : null;
                using var result = Session.Execute(statement);
                progress?.Finish();
                ResultPrinter.Print(result, Mode, Out, Width);
                if (Session.LastTruncatedInputs is var cut and > 0)
                {
                    Err.WriteLine($"warning: {cut} text{(cut == 1 ? " was" : "s were")} longer than the model's maximum length and cut to it");
                }
            }

            if (Timer)
            {
                Out.WriteLine($"time: {clock.Elapsed.TotalMilliseconds:F1} ms");
            }

            return true;
        }
        catch (StoreException error)
        {
            var where = source.Length == 0 ? "" : $" in {source}" + (error.Line is { } l ? $" at line {firstLine + l - 1}" : $" near line {firstLine}");
            Err.WriteLine($"error {error.SqlState} ({error.Code}){where}: {error.Message}");
            return false;
        }
        finally
        {
            progress?.Finish();
            Session.ModelProgress = null;
        }
    }

    public bool RunDotCommand(string line) => DotCommandRegistry.Run(this, line);

    public void Dispose()
    {
        Session.Dispose();
        _database.Dispose();
    }
}
