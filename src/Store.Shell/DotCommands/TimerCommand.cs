namespace Store.Shell.DotCommands;

/// <summary><c>.timer on|off</c>: print each statement's time.</summary>
internal sealed class TimerCommand : IDotCommand
{
    public string Name => "timer";

    public string Arguments => "on|off";

    public string Help => "print how long each statement took";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        if (!Switch.TryParse(shell, arguments, Name, out var on))
        {
            return false;
        }

        shell.Timer = on;
        return true;
    }
}
