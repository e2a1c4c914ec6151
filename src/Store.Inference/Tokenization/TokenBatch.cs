namespace Store.Inference.Tokenization;

/// <summary>
/// Token ids of several inputs padded to the longest, row-major [Count x Length], as BERT-style
/// ONNX models take them: ids, attention mask (1 for real tokens) and token types (1 on the
/// second segment of a pair, else 0).
/// </summary>
internal sealed class TokenBatch(int count, int length)
{
    public int Count { get; } = count;

    public int Length { get; } = length;

    public long[] InputIds { get; } = new long[count * length];

    public long[] AttentionMask { get; } = new long[count * length];

    public long[] TokenTypeIds { get; } = new long[count * length];

    /// <summary>Several inputs padded to the longest.</summary>
    public static TokenBatch Pad(IReadOnlyList<TokenSequence> inputs)
    {
        var batch = new TokenBatch(inputs.Count, inputs.Count == 0 ? 0 : inputs.Max(t => t.Ids.Length));
        for (var row = 0; row < inputs.Count; row++)
        {
            var (ids, secondSegment) = inputs[row];
            ids.CopyTo(batch.InputIds, row * batch.Length);
            batch.AttentionMask.AsSpan(row * batch.Length, ids.Length).Fill(1);
            if (secondSegment < ids.Length)
            {
                batch.TokenTypeIds.AsSpan((row * batch.Length) + secondSegment, ids.Length - secondSegment).Fill(1);
            }
        }

        return batch;
    }

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
