using System.Diagnostics;
using System.Text.Json;
using MicrosoftBertTokenizer = Microsoft.ML.Tokenizers.BertTokenizer;
using Store.Inference;
using Store.Inference.Tokenization;
using Store.Testing;
using Store.Testing.Tokenization;

namespace Store.Bench.Commands;

/// <summary>
/// <c>tokenizers</c>: the WordPiece tokenisers Store could use, against Hugging Face's own
/// BertTokenizer (the Rust library) on the same texts, with a built-in model's vocabulary:
/// how many texts each tokenises to exactly Hugging Face's ids (real passages and the hard
/// cases of the tests), where the first disagreement is, and how many texts a second each
/// tokenises. The figures behind the choice of FastBertTokenizer.
/// </summary>
internal static class TokenizersCommand
{
    private const int MaxLength = 512;

    // Room for any text here: Store cuts at a model's maximum length, which would make every longer text differ at its end.
    private const int LongestText = 8192;

    public static int Run(BenchArguments arguments)
    {
        var model = arguments.String("model") ?? ModelHost.DefaultModel;
        var data = arguments.String("data") ?? Path.Combine(RepositoryPaths.SharedData, "text", "gutenberg", "passages.jsonl");
        var passages = File.ReadLines(data).Take(arguments.Int("texts", 5000))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "").ToList();
        var vocab = ModelHost.BuiltIn(model).VocabPath;
        using var directory = new TempDirectory();
        using var reference = new HuggingFaceBertTokenizer(vocab, directory.Path);
        var store = new WordPieceTokenizer(vocab, lowerCase: true);
        var microsoft = MicrosoftBertTokenizer.Create(vocab);
        // Every option that moves it towards Hugging Face's uncased BERT: accents stripped, CJK characters apart.
        var microsoftTuned = MicrosoftBertTokenizer.Create(vocab, new Microsoft.ML.Tokenizers.BertOptions
        {
            LowerCaseBeforeTokenization = true,
            ApplyBasicTokenization = true,
            RemoveNonSpacingMarks = true,
            IndividuallyTokenizeCjk = true,
            SplitOnSpecialTokens = true,
        });

        (string Name, Func<string, long[]> Encode)[] candidates =
        [
            ("Hugging Face (Rust, reference)", reference.Encode),
            ("FastBertTokenizer 1.2.6 (Store)", text => store.Encode(text, LongestText, out _)),
            ("Microsoft.ML.Tokenizers 2.0.1, defaults", text => [.. microsoft.EncodeToIds(text).Select(id => (long)id)]),
            ("Microsoft.ML.Tokenizers 2.0.1, HF-like options", text => [.. microsoftTuned.EncodeToIds(text).Select(id => (long)id)]),
        ];

        Console.WriteLine($"{passages.Count} passages of {Path.GetFileName(data)} ({passages.Average(p => p.Length):F0} characters on average) and {TokenizerHardCases.Texts.Count} hard cases; vocabulary of {model}");
        Console.WriteLine($"{"tokenizer",-42} {"passages agreeing",18} {"hard cases agreeing",20} {"texts/s",10}");
        var expectedPassages = passages.Select(reference.Encode).ToList();
        var expectedHard = TokenizerHardCases.Texts.Select(reference.Encode).ToList();
        foreach (var (name, encode) in candidates)
        {
            var passagesAgreeing = passages.Where((p, i) => Agrees(expectedPassages[i], encode(p))).Count();
            var hardAgreeing = TokenizerHardCases.Texts.Where((t, i) => Agrees(expectedHard[i], encode(t))).Count();
            Console.WriteLine($"{name,-42} {passagesAgreeing,10}/{passages.Count,-7} {hardAgreeing,12}/{TokenizerHardCases.Texts.Count,-7} {TextsPerSecond(passages, encode),10:F0}");
            foreach (var text in TokenizerHardCases.Texts.Where((t, i) => !Agrees(expectedHard[i], encode(t))).Take(3))
            {
                var line = text.ReplaceLineEndings(" ");
                Console.WriteLine($"    differs on: {line[..Math.Min(60, line.Length)]}");
            }
        }

        return 0;
    }

    /// <summary>The same ids up to the model's maximum length (where Store cuts).</summary>
    private static bool Agrees(long[] expected, long[] actual) => expected.Take(MaxLength).SequenceEqual(actual.Take(MaxLength));

    /// <summary>The median of three timed passes over the texts, after one untimed pass.</summary>
    private static double TextsPerSecond(IReadOnlyList<string> texts, Func<string, long[]> encode)
    {
        var rates = new List<double>();
        for (var pass = 0; pass < 4; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var text in texts)
            {
                encode(text);
            }

            if (pass > 0)
            {
                rates.Add(texts.Count / clock.Elapsed.TotalSeconds);
            }
        }

        rates.Sort();
        return rates[1];
    }
}
