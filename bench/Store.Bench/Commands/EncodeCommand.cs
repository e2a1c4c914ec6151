using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Store.Bench.Commands.Eval;
using Store.Core.Options;
using Store.Inference;

namespace Store.Bench.Commands;

/// <summary>
/// <c>encode</c>: document encoding throughput of a built-in model on the CPU at several batch
/// sizes, and with <c>--peer</c> the SentenceTransformers package's own encoder on the same
/// texts in the same run (bench/peers/SentenceTransformersPeer, built here) with the largest
/// difference between the two encoders' vectors: the check that Store's tokenisation, pooling
/// and normalisation match the package's.
/// </summary>
internal static class EncodeCommand
{
    public static int Run(BenchArguments arguments)
    {
        var model = arguments.String("model") ?? ModelHost.DefaultModel;
        var count = arguments.Int("texts", 256);
        var batches = (arguments.String("batches") ?? "1,8,32,64").Split(',').Select(int.Parse).ToArray();
        var texts = Texts(arguments.String("data"), count);
        var encoder = ModelHost.For(InferenceDevice.Cpu).Dense(model);
        Console.WriteLine($"{texts.Count} texts, {texts.Average(t => t.Length):F0} characters on average; model {model} on the CPU, {Environment.ProcessorCount} cores");

        encoder.EncodeDocuments(texts.Take(8).ToList());
        float[][] vectors = [];
        foreach (var batch in batches)
        {
            var clock = Stopwatch.StartNew();
            vectors = encoder.EncodeDocuments(texts, batch, tokenBudget: int.MaxValue);
            Console.WriteLine($"store   batch {batch,3}: {texts.Count / clock.Elapsed.TotalSeconds,7:F1} texts/s");
        }

        var automatic = Stopwatch.StartNew();
        encoder.EncodeDocuments(texts);
        Console.WriteLine($"store   default (up to {Inference.Encoders.DenseEncoder.DefaultBatchSize} texts, {Inference.Encoders.DenseEncoder.DefaultTokenBudget} tokens a batch): {texts.Count / automatic.Elapsed.TotalSeconds,7:F1} texts/s");

        if (arguments.Flag("peer"))
        {
            ComparePeer(encoder, model, texts, batches, vectors);
        }

        return 0;
    }

    /// <summary>The first <paramref name="count"/> documents of a BEIR corpus (title and text), or the demo's passages.</summary>
    private static List<string> Texts(string? data, int count) => data is null
        ? Shell.Demo.DemoPassage.Load(Path.Combine(RepositoryPaths.Root, "sql-samples", "demo", "passages.tsv")).Select(p => p.Text).Take(count).ToList()
        : BeirCollection.Load(data).Documents.Take(count).Select(d => d.Text).ToList();

    private static void ComparePeer(Inference.Encoders.DenseEncoder encoder, string model, List<string> texts, int[] batches, float[][] ours)
    {
        var project = Path.Combine(RepositoryPaths.Root, "bench", "peers", "SentenceTransformersPeer");
        var build = Path.Combine(RepositoryPaths.Root, "bench", "peers", "build", "sentence-transformers");
        if (PeerProcess.Run("dotnet", ["build", project, "-c", "Release", "-o", build, "-v", "quiet"], "the SentenceTransformers peer did not build") is null)
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("store-encode-");
        try
        {
            var (input, output) = (Path.Combine(work.FullName, "texts.json"), Path.Combine(work.FullName, "vectors.bin"));
            File.WriteAllText(input, JsonSerializer.Serialize(texts));
            var printed = PeerProcess.Run("dotnet", [Path.Combine(build, "SentenceTransformersPeer.dll"), model, input, output, string.Join(',', batches)], "the SentenceTransformers peer failed");
            if (printed is null)
            {
                return;
            }

            foreach (var line in printed.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var fields = line.Split(' ');
                Console.WriteLine($"package batch {fields[1],3}: {double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture),7:F1} texts/s");
            }

            var theirs = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(output)).ToArray().Chunk(ours[0].Length).ToArray();
            var differences = ours.Zip(theirs, (a, b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max()).ToList();
            var cosines = ours.Zip(theirs, (a, b) => Core.Vectors.VectorDistance.Dot(a, b) / MathF.Sqrt(Core.Vectors.VectorDistance.Dot(b, b))).ToList();
            var worst = differences.IndexOf(differences.Max());
            Console.WriteLine($"store vs package vectors over {differences.Count} texts: max abs difference {differences.Max():E2} (median {differences.Order().ElementAt(differences.Count / 2):E2}), lowest cosine {cosines.Min():F6}");
            Console.WriteLine($"  largest difference on text {worst} ({texts[worst].Length} characters, {encoder.TokenCount(texts[worst])} tokens): {texts[worst][..Math.Min(80, texts[worst].Length)]}...");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
