namespace Store.Shell.DotCommands;

/// <summary><c>.quit</c> (or <c>.exit</c>): leave the shell.</summary>
internal sealed class QuitCommand : IDotCommand
{
    public string Name => "quit";

    public string Arguments => "";

    public string Help => "leave the shell (also .exit, Ctrl-D)";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        shell.QuitRequested = true;
        return true;
    }
}
