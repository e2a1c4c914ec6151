using System.Globalization;
using Store.Core.Options;
using Store.Engine;
using Store.Shell.Output;

namespace Store.Shell.Cli;

/// <summary>
/// The parsed command line: <c>store [DB] [-c SQL]... [-f FILE]... [--mode table|csv|json|line] [--echo]</c>.
/// DB defaults to <c>:memory:</c>.
/// </summary>
internal sealed record CommandLine(string Database, IReadOnlyList<ScriptSource> Scripts, string? Init, OutputMode Mode, bool Echo, bool ReadOnly, bool Help, InferenceDevice Device, TimeSpan BusyTimeout)
{
    public const string Usage = """
        usage: store [DB] [--init FILE] [-c SQL]... [-f FILE]... [--mode table|csv|json|line] [--echo] [--readonly]
                     [--device auto|cpu|cuda] [--busy-timeout SECONDS]
               store demo [FILE]

          DB           a database file (created if missing) or :memory: (the default)
          -c SQL       run SQL, then exit (may repeat; runs in order with -f)
          -f FILE      run the statements in FILE, then exit (may repeat)
          --init FILE  run the statements in FILE first, then go on as usual (the REPL
                       when there is no -c or -f)
          --mode M     output format: table (default), csv, json or line
          --echo       print each statement before its result
          --readonly   open the database read-only
          --device D   where models run: auto (the GPU when usable, the default), cpu or cuda
          --busy-timeout S
                       how long to wait for another process to close DB (default 5);
                       one process at a time has a database file open

        With neither -c nor -f, statements are read from standard input: interactively
        (the REPL; type .help) when it is a terminal, as a script when it is a pipe.

        store demo builds FILE (demo.store) from sample passages embedded with the built-in
        model, indexes them and runs example searches.
        """;

    /// <summary>Parses the arguments; an error message when they make no sense.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? database = null;
        string? init = null;
        var scripts = new List<ScriptSource>();
        var mode = OutputMode.Table;
        var device = InferenceDevice.Auto;
        var busyTimeout = new DatabaseOptions().BusyTimeout;
        bool echo = false, readOnly = false, help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-c" or "--command" when i + 1 < args.Count:
                    scripts.Add(new ScriptSource(args[++i], null));
                    break;
                case "-f" or "--file" when i + 1 < args.Count:
                    scripts.Add(new ScriptSource(null, args[++i]));
                    break;
                case "--init" when i + 1 < args.Count:
                    init = args[++i];
                    break;
                case "--mode" when i + 1 < args.Count:
                    if (!TryParseMode(args[++i], out mode))
                    {
                        error = $"unknown mode '{args[i]}' (table, csv, json or line)";
                    }

                    break;
                case "--device" when i + 1 < args.Count:
                    if (!Enum.TryParse(args[++i], ignoreCase: true, out device) || !Enum.IsDefined(device))
                    {
                        error = $"unknown device '{args[i]}' (auto, cpu or cuda)";
                    }

                    break;
                case "--busy-timeout" when i + 1 < args.Count:
                    if (double.TryParse(args[++i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
                    {
                        busyTimeout = TimeSpan.FromSeconds(seconds);
                    }
                    else
                    {
                        error = $"--busy-timeout takes a number of seconds, not '{args[i]}'";
                    }

                    break;
                case "--echo":
                    echo = true;
                    break;
                case "--readonly":
                    readOnly = true;
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                default:
                    if (arg.StartsWith('-') || database is not null)
                    {
                        error = $"unexpected argument '{arg}'";
                    }

                    database = arg;
                    break;
            }
        }

        return new CommandLine(database ?? Engine.Database.MemoryPath, scripts, init, mode, echo, readOnly, help, device, busyTimeout);
    }

    public static bool TryParseMode(string text, out OutputMode mode) =>
        Enum.TryParse(text, ignoreCase: true, out mode) && Enum.IsDefined(mode);
}
