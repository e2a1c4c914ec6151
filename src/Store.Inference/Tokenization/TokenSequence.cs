namespace Store.Inference.Tokenization;

/// <summary>
/// One input of a model: token ids with [CLS] and [SEP] in place, and where the second segment
/// of a pair starts (token type 1 from there on; past the end for a single text).
/// </summary>
internal readonly record struct TokenSequence(long[] Ids, int SecondSegment);
