namespace Store.Shell.DotCommands;

/// <summary><c>.indexes [TABLE]</c>: the indexes, of one table or all.</summary>
internal sealed class IndexesCommand : IDotCommand
{
    public string Name => "indexes";

    public string Arguments => "[TABLE]";

    public string Help => "list the indexes (of one table)";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        using var result = shell.Session.Execute("SHOW INDEXES");
        while (result.Read())
        {
            if (arguments.Count == 0 || string.Equals(result[1].AsText, arguments[0], StringComparison.OrdinalIgnoreCase))
            {
                shell.Out.WriteLine($"{result[0].AsText} on {result[1].AsText} ({result[3].AsText}) {result[2].AsText}{(result[4].AsInteger == 1 ? " unique" : "")}");
            }
        }

        return true;
    }
}
