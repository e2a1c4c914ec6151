namespace Store.Shell.Cli;

/// <summary>One <c>-c SQL</c> or <c>-f FILE</c> of the command line, in the order given.</summary>
internal sealed record ScriptSource(string? Sql, string? File);
