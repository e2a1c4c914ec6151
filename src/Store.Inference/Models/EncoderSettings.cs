namespace Store.Inference.Models;

/// <summary>
/// How a dense encoder's text goes in and its vector comes out, as the model's card says:
/// the pooling, whether vectors are scaled to unit length, the prefix a search query gets
/// (documents get none), the most tokens one text keeps, and whether the vocabulary is
/// lower-cased (uncased BERT).
/// </summary>
public sealed record EncoderSettings(Pooling Pooling, bool Normalize, string QueryPrefix, int MaxLength, bool LowerCase);
