namespace Store.Shell.DotCommands;

/// <summary>Reads the on / off argument of a switch command.</summary>
internal static class Switch
{
    public static bool TryParse(ShellContext shell, IReadOnlyList<string> arguments, string command, out bool on)
    {
        on = arguments.Count == 1 && arguments[0].Equals("on", StringComparison.OrdinalIgnoreCase);
        if (arguments.Count == 1 && (on || arguments[0].Equals("off", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        shell.Err.WriteLine($"error: usage: .{command} on|off");
        return false;
    }
}
