using System.Text;
using FastBertTokenizer;

namespace Store.Inference.Tokenization;

/// <summary>
/// BERT's WordPiece tokenisation from a model's vocab.txt (FastBertTokenizer, chosen for its
/// agreement with Hugging Face's BertTokenizer: see the inference tests): [CLS] text [SEP],
/// cut to a maximum length with [SEP] kept last, as Hugging Face truncates.
/// </summary>
internal sealed class WordPieceTokenizer
{
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _gate = new();

    public WordPieceTokenizer(string vocabPath, bool lowerCase)
    {
        using var vocab = new StreamReader(vocabPath, Encoding.UTF8);
        _tokenizer.LoadVocabulary(vocab, lowerCase);
    }

    /// <summary>The text's token ids, at most <paramref name="maxLength"/>; <paramref name="truncated"/> says whether the text had more.</summary>
    public long[] Encode(string text, int maxLength, out bool truncated)
    {
        // One token more than allowed tells a text that fits exactly from one that was cut.
        var ids = new long[maxLength + 1];
        var mask = new long[maxLength + 1];
        int count;
        lock (_gate)
        {
            count = _tokenizer.Encode(text, ids, mask, null);
            truncated = count > maxLength;
            if (truncated)
            {
                count = _tokenizer.Encode(text, ids.AsSpan(0, maxLength), mask.AsSpan(0, maxLength), null);
            }
        }

        return ids[..count];
    }
}
