using System.Globalization;
using Store.Core.Errors;

namespace Store.Inference.Models;

/// <summary>
/// A model given as files: an ONNX model and its WordPiece vocabulary, with the settings its
/// card gives. Built from the options of <c>CREATE MODEL name FROM 'model.onnx' WITH (kind =
/// 'dense' | 'sparse' | 'cross_encoder' | 'late_interaction', vocab = 'vocab.txt', max_length =
/// 512, lowercase = true, pooling = 'mean' | 'cls', normalize = true, query_prefix = '', top_k =
/// 256)</c>; every option has that default, the vocabulary being vocab.txt beside the model.
/// Pooling, normalize and query_prefix shape dense vectors (query_prefix also the queries of a
/// late-interaction model); top_k is how many terms a sparse vector keeps.
/// </summary>
public sealed record ModelDefinition(string Name, string ModelPath, string VocabPath, EncoderSettings Settings, ModelKind Kind = ModelKind.Dense, int TopK = ModelDefinition.DefaultTopK)
{
    /// <summary>Terms a sparse vector keeps by default: SPLADE documents have about 100-200 above zero.</summary>
    public const int DefaultTopK = 256;

    private static readonly string[] Known = ["kind", "vocab", "pooling", "normalize", "max_length", "query_prefix", "lowercase", "top_k"];

    /// <summary>The definition the options describe; a typed error for an unknown or malformed option or kind, or a missing file.</summary>
    public static ModelDefinition FromOptions(string name, string modelPath, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in options)
        {
            if (!Known.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw StoreErrors.InvalidArgument($"unknown model option '{key}' ({string.Join(", ", Known)})");
            }

            values[key] = value;
        }

        var kindName = values.GetValueOrDefault("kind", "dense");
        var kind = ModelKinds.Parse(kindName) ?? throw StoreErrors.InvalidArgument($"unknown model kind '{kindName}' ({ModelKinds.All})");
        var vocab = values.GetValueOrDefault("vocab") ?? Path.Combine(Path.GetDirectoryName(modelPath) ?? "", "vocab.txt");
        foreach (var file in new[] { modelPath, vocab })
        {
            if (!File.Exists(file))
            {
                throw StoreErrors.ModelFailed(name, $"file '{file}' does not exist");
            }
        }

        var settings = new EncoderSettings(
            values.GetValueOrDefault("pooling", "mean").ToLowerInvariant() switch
            {
                "mean" => Pooling.Mean,
                "cls" => Pooling.Cls,
                var other => throw StoreErrors.InvalidArgument($"model option pooling must be 'mean' or 'cls', not '{other}'"),
            },
            Flag(values, "normalize"),
            values.GetValueOrDefault("query_prefix", ""),
            int.TryParse(values.GetValueOrDefault("max_length", "512"), NumberStyles.None, CultureInfo.InvariantCulture, out var maxLength) && maxLength is >= 2 and <= 8192
                ? maxLength
                : throw StoreErrors.InvalidArgument("model option max_length must be an integer from 2 to 8192"),
            Flag(values, "lowercase"));
        var topK = int.TryParse(values.GetValueOrDefault("top_k", $"{DefaultTopK}"), NumberStyles.None, CultureInfo.InvariantCulture, out var terms) && terms is >= 1 and <= 1_000_000
            ? terms
            : throw StoreErrors.InvalidArgument("model option top_k must be an integer from 1 to 1000000");
        return new ModelDefinition(name, Path.GetFullPath(modelPath), Path.GetFullPath(vocab), settings, kind, topK);
    }

    private static bool Flag(Dictionary<string, string> values, string key) => values.GetValueOrDefault(key, "true").ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw StoreErrors.InvalidArgument($"model option {key} must be true or false, not '{other}'"),
    };
}
