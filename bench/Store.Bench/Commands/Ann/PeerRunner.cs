using System.Globalization;
using System.Text.Json;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// Runs the peers of <c>ann</c> on the same vectors, queries, ground truth and parameters as
/// Store: hnswlib (bench/peers/hnswlib_bench.cpp, compiled here into bench/peers/build on
/// first use) for hnsw, and faiss (bench/peers/faiss_bench.py) for every index kind. Each
/// prints <see cref="AnnResult"/> objects as JSON lines.
/// </summary>
internal static class PeerRunner
{
    public static IReadOnlyList<AnnResult> Run(AnnOptions options, float[][] vectors, float[][] queries, int[][] truth)
    {
        var directory = Directory.CreateTempSubdirectory("store-ann-peers-");
        try
        {
            // The peers read .fvecs: the base file as given when it is one, and exactly the
            // queries and ground truth Store was scored on (after --queries-limit).
            var basePath = options.BasePath;
            if (!basePath.EndsWith(".fvecs", StringComparison.OrdinalIgnoreCase))
            {
                basePath = Path.Combine(directory.FullName, "base.fvecs");
                VectorFiles.WriteVectors(basePath, vectors);
            }

            var queriesPath = Path.Combine(directory.FullName, "queries.fvecs");
            var truthPath = Path.Combine(directory.FullName, "gt.ivecs");
            VectorFiles.WriteVectors(queriesPath, queries);
            VectorFiles.WriteNeighbours(truthPath, truth);
            string[] common =
            [
                "--base", basePath, "--queries", queriesPath, "--gt", truthPath, "--metric", options.Metric.Name,
                "--k", Text(options.K), "--m", Text(options.M), "--ef-construction", Text(options.EfConstruction),
                "--sweep", string.Join(",", options.Sweep), "--threads", Text(Environment.ProcessorCount), "--passes", Text(options.Passes),
            ];

            var results = new List<AnnResult>();
            if (options.IsHnsw && options.RunsPeer("hnswlib") && CompileHnswlibPeer() is { } hnswlib)
            {
                Console.WriteLine("hnswlib: building (one thread) and searching");
                results.AddRange(Parse(PeerProcess.Run(hnswlib, common, "the hnswlib peer")));
            }

            if (options.RunsPeer("faiss"))
            {
                Console.WriteLine("faiss: building (one thread) and searching");
                var script = Path.Combine(RepositoryPaths.Root, "bench", "peers", "faiss_bench.py");
                string[] faissOnly = ["--index", options.Index, "--lists", Text(options.Lists!.Value), "--pq-m", Text(options.PqM), "--rerank", Text(options.Rerank)];
                results.AddRange(Parse(PeerProcess.Run("/usr/bin/python3", [script, .. common, .. faissOnly], "install Debian's python3-numpy and python3-faiss")));
            }

            return results;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The hnswlib peer's binary, rebuilt when its source is newer; null (after saying why) when it cannot be.</summary>
    private static string? CompileHnswlibPeer()
    {
        var peers = Path.Combine(RepositoryPaths.Root, "bench", "peers");
        var source = Path.Combine(peers, "hnswlib_bench.cpp");
        var binary = Path.Combine(peers, "build", "hnswlib_bench");
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= File.GetLastWriteTimeUtc(source))
        {
            return binary;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        Console.WriteLine("hnswlib: compiling bench/peers/hnswlib_bench.cpp");
        return PeerProcess.Run("g++", ["-O3", "-march=native", "-std=c++17", "-pthread", "-o", binary, source], "install g++ and Debian's libhnswlib-dev") is null
            ? null
            : binary;
    }

    private static IEnumerable<AnnResult> Parse(string? output) =>
        (output ?? "").Split('\n').Where(line => line.StartsWith('{')).Select(line => JsonSerializer.Deserialize<AnnResult>(line)!);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
