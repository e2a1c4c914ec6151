using System.Globalization;
using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Access.Vectors;

/// <summary>What vector indexes need to know of a table's columns and of metric names.</summary>
internal static class VectorColumns
{
    /// <summary>The dimension count of a <c>VECTOR(n)</c> column; an error for any other column.</summary>
    public static int DimensionsOf(TableSchema table, string column)
    {
        var position = table.ColumnIndex(column);
        if (position < 0)
        {
            throw StoreErrors.NotFound("column", $"{table.Name}.{column}");
        }

        var type = table.Columns[position].TypeName;
        const string Prefix = "VECTOR(";
        return type.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && type.EndsWith(')')
            && int.TryParse(type.AsSpan(Prefix.Length, type.Length - Prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var dimensions)
            ? dimensions
            : throw StoreErrors.InvalidArgument($"a vector index needs a VECTOR(n) column, and {table.Name}.{column} is {type}");
    }

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
