namespace Store.Shell.DotCommands;

/// <summary><c>.tables</c>: the table names.</summary>
internal sealed class TablesCommand : IDotCommand
{
    public string Name => "tables";

    public string Arguments => "";

    public string Help => "list the tables";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        using var result = shell.Session.Execute("SHOW TABLES");
        while (result.Read())
        {
            shell.Out.WriteLine(result[0].AsText);
        }

        return true;
    }
}
