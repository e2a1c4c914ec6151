using Store.Shell.Cli;

namespace Store.Shell.DotCommands;

/// <summary><c>.mode table|csv|json|line</c>: the output format.</summary>
internal sealed class ModeCommand : IDotCommand
{
    public string Name => "mode";

    public string Arguments => "table|csv|json|line";

    public string Help => "set the output format";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            shell.Out.WriteLine(shell.Mode.ToString().ToLowerInvariant());
            return true;
        }

        if (!CommandLine.TryParseMode(arguments[0], out var mode))
        {
            shell.Err.WriteLine($"error: unknown mode '{arguments[0]}' (table, csv, json or line)");
            return false;
        }

        shell.Mode = mode;
        return true;
    }
}
