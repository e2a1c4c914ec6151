using Store.Shell.Scripts;

namespace Store.Shell.Repl;

/// <summary>
/// The interactive loop: a prompt (<c>store&gt;</c>, then <c>   ...&gt;</c> while a statement
/// is unfinished), dot commands at the start of a statement, SQL run when its semicolon comes.
/// Errors are printed and the loop goes on.
/// </summary>
internal static class ReplLoop
{
    public static void Run(ShellContext shell)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var editor = new LineEditor(new History(home.Length == 0 ? null : Path.Combine(home, ".store_history")));
        shell.Out.WriteLine($"Store shell on {shell.DatabasePath}. End statements with ';'. Type .help for commands, .quit to leave.");
        var pending = "";
        while (!shell.QuitRequested)
        {
            var line = editor.ReadLine(StatementSplitter.IsBlank(pending) ? "store> " : "   ...> ");
            if (line is null)
            {
                break;
            }

            if (StatementSplitter.IsBlank(pending) && line.TrimStart().StartsWith('.'))
            {
                shell.RunDotCommand(line.Trim());
                continue;
            }

            pending += line + "\n";
            foreach (var statement in StatementSplitter.Split(pending, out pending))
            {
                shell.RunStatement(statement);
            }

            if (StatementSplitter.IsBlank(pending))
            {
                pending = "";
            }
        }
    }
}
