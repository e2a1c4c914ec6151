using System.Globalization;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors;

/// <summary>Readers of the <c>WITH (...)</c> options vector index methods share.</summary>
internal static class VectorIndexOptions
{
    /// <summary>A metric as index options name it: l2, ip (inner product, ordered by <c>&lt;#&gt;</c>) or cosine.</summary>
    public static VectorMetric ParseMetric(string name) => name.ToLowerInvariant() switch
    {
        "l2" => VectorMetric.L2,
        "ip" => VectorMetric.NegativeInnerProduct,
        "cosine" => VectorMetric.Cosine,
        _ => throw StoreErrors.InvalidArgument($"unknown metric '{name}' (l2, ip or cosine)"),
    };

    /// <summary>An integer index option within its bounds; a clear error otherwise.</summary>
    public static int IntegerOption(string method, string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw StoreErrors.InvalidArgument($"{method} option {name} must be an integer from {min} to {max}, not '{value}'");
}
