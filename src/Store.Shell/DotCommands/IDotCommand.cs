namespace Store.Shell.DotCommands;

/// <summary>A shell command that starts with a dot, such as <c>.tables</c>.</summary>
internal interface IDotCommand
{
    /// <summary>The name without the dot.</summary>
    string Name { get; }

    /// <summary>Arguments as shown in .help, such as <c>FILE TABLE</c>.</summary>
    string Arguments { get; }

    string Help { get; }

    /// <summary>Runs the command; false when it failed (the reason already printed).</summary>
    bool Run(ShellContext shell, IReadOnlyList<string> arguments);
}
