namespace Store.Shell.DotCommands;

/// <summary>The dot commands by name, and the dispatch of a <c>.name args</c> line.</summary>
internal static class DotCommandRegistry
{
    public static readonly IReadOnlyList<IDotCommand> All =
    [
        new TablesCommand(), new SchemaCommand(), new IndexesCommand(), new ModeCommand(), new TimerCommand(),
        new ImportCommand(), new ReadCommand(), new ExplainCommand(), new HelpCommand(), new QuitCommand(),
    ];

    public static bool Run(ShellContext shell, string line)
    {
        var words = SplitArguments(line[1..]);
        if (words.Count == 0)
        {
            return true;
        }

        var command = All.FirstOrDefault(c => string.Equals(c.Name, words[0], StringComparison.OrdinalIgnoreCase))
            ?? (words[0] == "exit" ? All.OfType<QuitCommand>().Single() : null);
        if (command is null)
        {
            shell.Err.WriteLine($"error: unknown command '.{words[0]}'; .help lists the commands");
            return false;
        }

        return command.Run(shell, words.Skip(1).ToList());
    }

    /// <summary>Splits on spaces, keeping "double-quoted" or 'single-quoted' arguments whole.</summary>
    private static List<string> SplitArguments(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] is '"' or '\'')
            {
                var close = text.IndexOf(text[i], i + 1);
                var end = close < 0 ? text.Length : close;
                words.Add(text[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            words.Add(text[start..i]);
        }

        return words;
    }
}
