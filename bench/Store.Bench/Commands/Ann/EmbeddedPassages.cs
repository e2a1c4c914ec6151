using System.Diagnostics;
using System.Text.Json;
using Store.Bench.Commands.Eval;
using Store.Core.Options;
using Store.Inference;

namespace Store.Bench.Commands.Ann;

/// <summary>
/// Real embeddings for the <c>ann</c> bench: the first passages of a JSON-lines file
/// (<c>{"_id","text"}</c>, such as ../shared/data/text/gutenberg/passages.jsonl) encoded as
/// documents with a built-in model on the CPU, through the bench's embedding cache so that
/// they are encoded once.
/// </summary>
internal static class EmbeddedPassages
{
    private const int BatchSize = 64;

    public static float[][] Encode(string path, int count, string model)
    {
        var texts = File.ReadLines(path).Take(count).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "").ToList();
        var encoder = ModelHost.For(InferenceDevice.Cpu).Dense(model);
        using var cache = new EmbeddingCacheFile(model, encoder.Dimensions);
        var vectors = new float[texts.Count][];
        var missing = Enumerable.Range(0, texts.Count).Where(i => !cache.TryGet(texts[i], out vectors[i])).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in missing.Chunk(BatchSize))
        {
            var encoded = encoder.EncodeDocuments([.. chunk.Select(i => texts[i])]);
            for (var j = 0; j < chunk.Length; j++)
            {
                vectors[chunk[j]] = encoded[j];
                cache.Add(texts[chunk[j]], encoded[j]);
            }

            Console.Error.Write($"\r  encoding: {chunk[^1] + 1:N0} / {texts.Count:N0}");
        }

        Console.Error.WriteLine();
        Console.WriteLine($"{texts.Count:N0} passages: {texts.Count - missing.Count:N0} from the cache, {missing.Count:N0} encoded in {clock.Elapsed.TotalSeconds:F0} s with {model}");
        return vectors;
    }
}
