using System.Text.Json;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// What <c>ann</c> prints and writes: every result as a table row and a JSON object, then
/// for each system the best single-thread throughput that reaches each recall level, and
/// Store's ratio to each peer there (the comparison that matters for approximate search:
/// speed at equal quality, not at equal parameters).
/// </summary>
internal static class AnnReport
{
    private static readonly double[] RecallLevels = [0.90, 0.95, 0.99];

    public static void Print(IReadOnlyList<AnnResult> results, int k)
    {
        Console.WriteLine();
        Console.WriteLine($"{"system",-8} {"index",-8} {"params",-44} {$"recall@{k}",9} {"qps_1t",9} {"qps_all",9} {"mean_us",9} {"p99_us",9} {"build_s",8} {"index_MB",9} {"rss_MB",7}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.System,-8} {r.Index,-8} {r.FormatParams(),-44} {r.RecallAtK,9:F3} {r.QueriesPerSecondOneThread,9:F0} {r.QueriesPerSecondAllThreads,9:F0} "
                + $"{r.MeanMicroseconds,9:F1} {r.P99Microseconds,9:F1} {r.BuildSeconds,8:F1} {r.IndexBytes / 1e6,9:F1} {r.PeakRssBytes / 1e6,7:F0}");
        }

        foreach (var note in results.Select(r => r.Note).OfType<string>().Distinct())
        {
            Console.WriteLine($"note: {note}");
        }

        PrintBestAtRecall(results, k);
    }

    public static void WriteJson(string path, IReadOnlyList<AnnResult> results) =>
        File.WriteAllText(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));

    private static void PrintBestAtRecall(IReadOnlyList<AnnResult> results, int k)
    {
        var systems = results.GroupBy(r => $"{r.System} {r.Index}").ToDictionary(g => g.Key, g => RecallLevels.Select(level => BestAt(g, level)).ToArray());
        Console.WriteLine();
        Console.WriteLine($"{$"best qps_1t reaching recall@{k} >=",-36}" + string.Concat(RecallLevels.Select(level => $"{level,10:F2}")));
        foreach (var (system, best) in systems)
        {
            Console.WriteLine($"{system,-36}" + string.Concat(best.Select(qps => $"{Format(qps, "F0"),10}")));
        }

        foreach (var (store, storeBest) in systems.Where(s => s.Key.StartsWith("store ", StringComparison.Ordinal)))
        {
            foreach (var (peer, peerBest) in systems.Where(s => !s.Key.StartsWith("store ", StringComparison.Ordinal)))
            {
                var ratios = storeBest.Zip(peerBest, (s, p) => s / p);
                Console.WriteLine($"{$"{store} / {peer}",-36}" + string.Concat(ratios.Select(ratio => $"{Format(ratio, "F2") + (ratio is null ? "" : "x"),10}")));
            }
        }

        var storeBuild = results.FirstOrDefault(r => r.System == "store")?.BuildSeconds;
        var hnswlibBuild = results.FirstOrDefault(r => r.System == "hnswlib")?.BuildSeconds;
        if (storeBuild is > 0 && hnswlibBuild is > 0)
        {
            Console.WriteLine($"index build: Store {storeBuild:F1} s, hnswlib {hnswlibBuild:F1} s (one thread), Store / hnswlib {storeBuild / hnswlibBuild:F2}x");
        }
    }

    private static double? BestAt(IEnumerable<AnnResult> results, double level) =>
        results.Where(r => r.RecallAtK >= level).Select(r => (double?)r.QueriesPerSecondOneThread).Max();

    private static string Format(double? value, string format) => value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
