using System.Globalization;
using Store.Access;
using Store.Storage.Paging;
using Store.Testing.Crash;

// The crash test's victim: commits the crash workload's transactions forever, printing
// "ACK t" once transaction t's commit has returned, until the harness kills it.
var path = args[0];
var seed = int.Parse(args[1], CultureInfo.InvariantCulture);
using var pager = Pager.Open(path, CrashHarness.Options);
var state = new DatabaseState();
var t = CrashWorkload.Prepare(pager, state);
var model = CrashWorkload.Replay(seed, t);
var random = new Random(HashCode.Combine(seed, t, Environment.ProcessId));
Console.WriteLine($"READY {t}");
while (true)
{
    t++;
    CrashWorkload.Run(pager, state, seed, t, model, rollBackFirst: random.Next(8) == 0);
    Console.WriteLine($"ACK {t}");
}
