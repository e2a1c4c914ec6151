namespace Store.Shell.DotCommands;

/// <summary><c>.read FILE</c>: run the statements in a file.</summary>
internal sealed class ReadCommand : IDotCommand
{
    public string Name => "read";

    public string Arguments => "FILE";

    public string Help => "run the statements in FILE";

    public bool Run(ShellContext shell, IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 1)
        {
            shell.Err.WriteLine("error: usage: .read FILE");
            return false;
        }

        if (!File.Exists(arguments[0]))
        {
            shell.Err.WriteLine($"error: cannot open '{arguments[0]}'");
            return false;
        }

        using var reader = new StreamReader(arguments[0]);
        return shell.RunScript(reader, arguments[0], stopOnError: true);
    }
}
