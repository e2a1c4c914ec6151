namespace Store.Shell.DotCommands;

/// <summary><c>.help</c>: the dot commands.</summary>
internal sealed class HelpCommand : IDotCommand
{
    public string Name => "help";

    public string Arguments => "";

    public string Help => "show this list";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        shell.Out.WriteLine("SQL statements end with ';' and may span lines. Dot commands:");
        var usage = DotCommandRegistry.All.Select(c => ($".{c.Name} {c.Arguments}".TrimEnd(), c.Help)).ToList();
        var pad = usage.Max(u => u.Item1.Length);
        foreach (var (text, help) in usage)
        {
            shell.Out.WriteLine($"  {text.PadRight(pad)}  {help}");
        }

        return true;
    }
}
