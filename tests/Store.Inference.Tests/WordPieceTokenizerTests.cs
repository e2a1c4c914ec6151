using Store.Inference.Tokenization;
using Store.Testing;
using Store.Testing.Tokenization;

namespace Store.Inference.Tests;

public class WordPieceTokenizerTests(ModelFixture models) : IClassFixture<ModelFixture>
{
    public static TheoryData<string> Texts => [.. TokenizerHardCases.Texts];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Ids_agree_with_hugging_face_bert_tokenizer(string text)
    {
        using var directory = new TempDirectory();
        using var reference = new HuggingFaceBertTokenizer(models.VocabPath, directory.Path);
        var tokenizer = new WordPieceTokenizer(models.VocabPath, lowerCase: true);

        Assert.Equal(reference.Encode(text), tokenizer.Encode(text, 512, out var truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void A_long_text_is_cut_at_the_maximum_with_sep_last_and_reported()
    {
        var tokenizer = new WordPieceTokenizer(models.VocabPath, lowerCase: true);
        var full = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("retrieval", 40)), 512, out var cut);
        Assert.False(cut);
        Assert.Equal(42, full.Length);

        var ids = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("retrieval", 40)), 16, out cut);
        Assert.True(cut);
        Assert.Equal(16, ids.Length);
        Assert.Equal(full[0], ids[0]);
        Assert.Equal(full[^1], ids[^1]);
        Assert.Equal(full[1..15], ids[1..15]);

        // A text that fits exactly is not reported as cut.
        tokenizer.Encode(string.Join(' ', Enumerable.Repeat("retrieval", 14)), 16, out cut);
        Assert.False(cut);
    }

    [Fact]
    public void Padding_masks_only_the_padded_positions_and_marks_a_pair_s_second_segment()
    {
        var batch = TokenBatch.Pad([new([101, 7, 102], int.MaxValue), new([101, 102], int.MaxValue), new([101, 7, 102, 9], 3)]);
        Assert.Equal((3, 4), (batch.Count, batch.Length));
        Assert.Equal([101, 7, 102, 0, 101, 102, 0, 0, 101, 7, 102, 9], batch.InputIds);
        Assert.Equal([1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1], batch.AttentionMask);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], batch.TokenTypeIds);
        Assert.Equal((3, 2, 4), (batch.TokensOf(0), batch.TokensOf(1), batch.TokensOf(2)));
    }
}
