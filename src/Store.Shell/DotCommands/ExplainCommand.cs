namespace Store.Shell.DotCommands;

/// <summary><c>.explain on|off</c>: print each query's plan before its rows.</summary>
internal sealed class ExplainCommand : IDotCommand
{
    public string Name => "explain";

    public string Arguments => "on|off";

    public string Help => "print each query's plan before its rows";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        if (!Switch.TryParse(shell, arguments, Name, out var on))
        {
            return false;
        }

        shell.ExplainQueries = on;
        return true;
    }
}
