using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Store.Access.FullText;

namespace Store.Bench.Micro;

/// <summary>
/// The BM25 text analyzer over the first 2,000 Gutenberg passages of
/// ../shared/data/text/gutenberg/passages.jsonl (0.83 MB of UTF-8): word segmentation alone, then the
/// <c>none</c> analyzer (segmentation and folding) and the <c>english</c> one (also stop words and
/// the Snowball stemmer), each term looked at in place as the index will read it. The MB/s column
/// is the passages' UTF-8 size over the mean time; segmentation is the baseline, so Ratio shows
/// what folding and stemming add.
/// </summary>
[Config(typeof(Config))]
public class TextAnalyzerBenchmarks
{
    private const int PassageCount = 2_000;

    private static readonly string PassagesPath = Path.Combine(RepositoryPaths.SharedData, "text", "gutenberg", "passages.jsonl");

    private string[] _passages = [];

    [GlobalSetup]
    public void Setup() => _passages = LoadPassages();

    [Benchmark(Baseline = true)]
    public int Segmentation()
    {
        var words = 0;
        foreach (var passage in _passages)
        {
            var offset = 0;
            while (WordSegmenter.TryNextWord(passage, ref offset, out _, out _))
            {
                words++;
            }
        }

        return words;
    }

    [Benchmark]
    public int AnalyzerNone() => CountTerms(TextAnalyzer.None);

    [Benchmark]
    public int AnalyzerEnglish() => CountTerms(TextAnalyzer.English);

    private int CountTerms(TextAnalyzer analyzer)
    {
        var characters = 0;
        foreach (var passage in _passages)
        {
            foreach (var term in analyzer.Terms(passage))
            {
                characters += term.Text.Length;
            }
        }

        return characters;
    }

    private static string[] LoadPassages()
    {
        if (!File.Exists(PassagesPath))
        {
            throw new FileNotFoundException($"the Gutenberg passages are not at {PassagesPath}");
        }

        return [.. File.ReadLines(PassagesPath).Take(PassageCount)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "")];
    }

    /// <summary>The short in-process job with an MB/s column over the passages' size.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            var bytes = File.Exists(PassagesPath) ? LoadPassages().Sum(p => (long)Encoding.UTF8.GetByteCount(p)) : 0;
            AddColumn(new MegabytesPerSecondColumn(bytes, $"{PassageCount} Gutenberg passages"));
        }
    }
}
