using System.Text.Json;
using Tokenizers.DotNet;

namespace Store.Testing.Tokenization;

/// <summary>
/// Hugging Face's BertTokenizer (the Rust tokenizers library) for a vocab.txt: the
/// tokenizer.json that <c>BertTokenizerFast</c> saves for an uncased BERT vocabulary,
/// written from the vocabulary, then loaded by the library.
/// </summary>
public sealed class HuggingFaceBertTokenizer : IDisposable
{
    private readonly Tokenizer _tokenizer;

    public HuggingFaceBertTokenizer(string vocabPath, string workDirectory)
    {
        var vocab = File.ReadAllLines(vocabPath).Select((token, id) => (token, id)).ToDictionary(t => t.token, t => t.id);
        object Special(string token) => new { id = vocab[token], content = token, single_word = false, lstrip = false, rstrip = false, normalized = false, special = true };
        var json = new
        {
            version = "1.0",
            truncation = (object?)null,
            padding = (object?)null,
            added_tokens = new[] { Special("[PAD]"), Special("[UNK]"), Special("[CLS]"), Special("[SEP]"), Special("[MASK]") },
            normalizer = new { type = "BertNormalizer", clean_text = true, handle_chinese_chars = true, strip_accents = (bool?)null, lowercase = true },
            pre_tokenizer = new { type = "BertPreTokenizer" },
            post_processor = new
            {
                type = "TemplateProcessing",
                single = new object[] { new { SpecialToken = new { id = "[CLS]", type_id = 0 } }, new { Sequence = new { id = "A", type_id = 0 } }, new { SpecialToken = new { id = "[SEP]", type_id = 0 } } },
                pair = new object[]
                {
                    new { SpecialToken = new { id = "[CLS]", type_id = 0 } }, new { Sequence = new { id = "A", type_id = 0 } }, new { SpecialToken = new { id = "[SEP]", type_id = 0 } },
                    new { Sequence = new { id = "B", type_id = 1 } }, new { SpecialToken = new { id = "[SEP]", type_id = 1 } },
                },
                special_tokens = new Dictionary<string, object>
                {
                    ["[CLS]"] = new { id = "[CLS]", ids = new[] { vocab["[CLS]"] }, tokens = new[] { "[CLS]" } },
                    ["[SEP]"] = new { id = "[SEP]", ids = new[] { vocab["[SEP]"] }, tokens = new[] { "[SEP]" } },
                },
            },
            decoder = new { type = "WordPiece", prefix = "##", cleanup = true },
            model = new { type = "WordPiece", unk_token = "[UNK]", continuing_subword_prefix = "##", max_input_chars_per_word = 100, vocab },
        };
        var path = Path.Combine(workDirectory, "tokenizer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        _tokenizer = new Tokenizer(path);
    }

    public long[] Encode(string text) => [.. _tokenizer.Encode(text).Select(id => (long)id)];

    public void Dispose() => _tokenizer.Dispose();
}
