using System.Globalization;
using Store.Core.Errors;

namespace Store.Inference.Models;

/// <summary>
/// A dense encoder given as files: an ONNX model and its WordPiece vocabulary, with the
/// settings its card gives. Built from the options of <c>CREATE MODEL name FROM 'model.onnx'
/// WITH (kind = 'dense', vocab = 'vocab.txt', pooling = 'mean' | 'cls', normalize = true,
/// max_length = 512, query_prefix = '', lowercase = true)</c>; every option but kind has that
/// default, the vocabulary being vocab.txt beside the model.
/// </summary>
public sealed record ModelDefinition(string Name, string ModelPath, string VocabPath, EncoderSettings Settings)
{
    private static readonly string[] Known = ["kind", "vocab", "pooling", "normalize", "max_length", "query_prefix", "lowercase"];

    /// <summary>Kinds that CREATE MODEL accepts but this version cannot run yet.</summary>
    private static readonly string[] Planned = ["sparse", "cross_encoder", "late_interaction"];

    /// <summary>The definition the options describe; a typed error for an unknown or malformed option, an unavailable kind, or a missing file.</summary>
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

        var kind = values.GetValueOrDefault("kind", "dense").ToLowerInvariant();
        if (kind != "dense")
        {
            throw Planned.Contains(kind)
                ? StoreErrors.NotSupported($"model kind '{kind}' is not available yet in this version (dense is)")
                : StoreErrors.InvalidArgument($"unknown model kind '{kind}' (dense, sparse, cross_encoder or late_interaction)");
        }

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
        return new ModelDefinition(name, Path.GetFullPath(modelPath), Path.GetFullPath(vocab), settings);
    }

    private static bool Flag(Dictionary<string, string> values, string key) => values.GetValueOrDefault(key, "true").ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        var other => throw StoreErrors.InvalidArgument($"model option {key} must be true or false, not '{other}'"),
    };
}
