namespace Store.Inference.Tokenization;

/// <summary>
/// Token ids of several texts padded to the longest, row-major [Count x Length], as BERT-style
/// ONNX models take them: ids, attention mask (1 for real tokens) and token types (all 0).
/// </summary>
internal sealed class TokenBatch(int count, int length)
{
    public int Count { get; } = count;

    public int Length { get; } = length;

    public long[] InputIds { get; } = new long[count * length];

    public long[] AttentionMask { get; } = new long[count * length];

    public long[] TokenTypeIds { get; } = new long[count * length];

    /// <summary>Real tokens of row <paramref name="row"/>, [CLS] and [SEP] included.</summary>
    public int TokensOf(int row)
    {
        var tokens = 0;
        var mask = AttentionMask.AsSpan(row * Length, Length);
        while (tokens < mask.Length && mask[tokens] != 0)
        {
            tokens++;
        }

        return tokens;
    }
}
