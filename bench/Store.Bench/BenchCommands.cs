using BenchmarkDotNet.Running;

namespace Store.Bench;

/// <summary>
/// The bench program's subcommands: <c>micro</c> runs the BenchmarkDotNet suites (arguments
/// after it go to BenchmarkDotNet, e.g. <c>--filter *Distance*</c>).
/// </summary>
internal static class BenchCommands
{
    private const string Usage = """
        usage: Store.Bench <command> [options]
          micro [BenchmarkDotNet args]   run the micro-benchmark suites (e.g. --filter '*Distance*')
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(BenchCommands).Assembly).Run(rest);
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
