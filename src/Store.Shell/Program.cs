using Store.Core.Errors;
using Store.Shell;
using Store.Shell.Cli;
using Store.Shell.Demo;
using Store.Shell.Repl;

if (args is ["demo", .. var demoArguments])
{
    return DemoCommand.Run(demoArguments, Console.Out, Console.Error);
}

var commandLine = CommandLine.Parse(args, out var usageError);
if (usageError is not null || commandLine.Help)
{
    (usageError is null ? Console.Out : Console.Error).WriteLine((usageError is null ? "" : $"error: {usageError}\n") + CommandLine.Usage);
    return usageError is null ? 0 : 2;
}

ShellContext shell;
try
{
    shell = new ShellContext(commandLine.Database, commandLine.ReadOnly, Console.Out, Console.Error, commandLine.Device, commandLine.BusyTimeout);
}
catch (StoreException error)
{
    Console.Error.WriteLine($"error {error.SqlState} ({error.Code}): {error.Message}");
    return 1;
}

using (shell)
{
    shell.Mode = commandLine.Mode;
    shell.Echo = commandLine.Echo;
    shell.ShowProgress = !Console.IsErrorRedirected;
    shell.Width = Console.IsOutputRedirected ? null : Console.WindowWidth;
    if (commandLine.Init is { } init && !(File.Exists(init) ? RunFile(shell, init) : Missing(init)))
    {
        return 1;
    }

    if (commandLine.Scripts.Count > 0)
    {
        foreach (var script in commandLine.Scripts)
        {
            var ok = script.Sql is { } sql
                ? shell.RunScript(new StringReader(sql), "", stopOnError: true)
                : File.Exists(script.File) ? RunFile(shell, script.File!) : Missing(script.File!);
            if (!ok)
            {
                return 1;
            }
        }

        return 0;
    }

    if (Console.IsInputRedirected)
    {
        return shell.RunScript(Console.In, "", stopOnError: true) ? 0 : 1;
    }

    ReplLoop.Run(shell);
    return 0;
}

static bool RunFile(ShellContext shell, string path)
{
    using var reader = new StreamReader(path);
    return shell.RunScript(reader, path, stopOnError: true);
}

static bool Missing(string path)
{
    Console.Error.WriteLine($"error: cannot open '{path}'");
    return false;
}
