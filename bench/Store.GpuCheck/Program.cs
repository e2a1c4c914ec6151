using System.Diagnostics;
using Store.Core.Options;
using Store.Core.Vectors;
using Store.Inference;
using Store.Shell.Demo;

// The GPU check of the inference issue, run on the device machine: the CUDA provider is
// active, its embeddings equal the CPU's within 1e-3, and throughput at batch 64 and 256.
// Prints one line per figure; exit code 1 when CUDA is not usable or the vectors differ.
var texts = DemoPassage.Load(DemoPassage.CorpusPath).Select(p => p.Text).ToList();
var cpu = ModelHost.For(InferenceDevice.Cpu).Dense("arctic");
Store.Inference.Encoders.DenseEncoder cuda;
try
{
    cuda = ModelHost.For(InferenceDevice.Cuda).Dense("arctic");
}
catch (Store.Core.Errors.StoreException e)
{
    Console.WriteLine($"cuda provider active: False ({e.Message})");
    Console.WriteLine($"cpu encoder works: {cpu.EncodeDocuments([texts[0]])[0].Length} dimensions");
    return 1;
}

Console.WriteLine($"cuda provider active: {cuda.OnGpu}");

var sample = texts.Take(64).ToList();
var onGpu = cuda.EncodeDocuments(sample);
var onCpu = cpu.EncodeDocuments(sample);
var difference = onGpu.Zip(onCpu, (g, c) => g.Zip(c, (x, y) => MathF.Abs(x - y)).Max()).Max();
var cosine = onGpu.Zip(onCpu, (g, c) => VectorDistance.Dot(g, c)).Min();
Console.WriteLine($"max abs difference gpu vs cpu over {sample.Count} texts: {difference:E2} (lowest cosine {cosine:F6})");

// 2,048 texts: the corpus repeated, so each batch size sees full batches.
var corpus = Enumerable.Range(0, 2048).Select(i => texts[i % texts.Count]).ToList();
foreach (var batch in new[] { 64, 256 })
{
    cuda.EncodeDocuments(corpus.Take(batch).ToList(), batch);
    var clock = Stopwatch.StartNew();
    cuda.EncodeDocuments(corpus, batch);
    Console.WriteLine($"gpu throughput at batch {batch}: {corpus.Count / clock.Elapsed.TotalSeconds:F0} texts/s");
}

var cpuClock = Stopwatch.StartNew();
cpu.EncodeDocuments(corpus.Take(128).ToList(), 32);
Console.WriteLine($"cpu throughput at batch 32 (same machine, {Environment.ProcessorCount} cores): {128 / cpuClock.Elapsed.TotalSeconds:F0} texts/s");
return cuda.OnGpu && difference <= 1e-3f ? 0 : 1;
