using System.Globalization;
using Store.Core.Errors;
using Store.Core.Vectors;

namespace Store.Core.Values;

/// <summary>
/// A column's declared type: the type and, for VECTOR, its dimension count. Values written to
/// a column are coerced to it here (lossless conversions only), so every row on disk agrees
/// with its schema.
/// </summary>
public readonly record struct ColumnType(SqlType Type, int Dimensions = 0)
{
    public const int MaxDimensions = 16_000;

    /// <summary>Reads a type as written in CREATE TABLE or CAST, accepting the usual synonyms.</summary>
    public static ColumnType Parse(string name, int? dimensions)
    {
        var type = name.ToUpperInvariant() switch
        {
            "INTEGER" or "INT" or "BIGINT" => SqlType.Integer,
            "REAL" or "FLOAT" or "DOUBLE" => SqlType.Real,
            "TEXT" or "VARCHAR" or "STRING" => SqlType.Text,
            "BLOB" or "BYTES" => SqlType.Blob,
            "BOOLEAN" or "BOOL" => SqlType.Boolean,
            "VECTOR" => SqlType.Vector,
            "SPARSE" => SqlType.Sparse,
            _ => throw StoreErrors.NotSupported($"type {name} (use INTEGER, REAL, TEXT, BLOB, BOOLEAN, VECTOR(n) or SPARSE)"),
        };

        if (type == SqlType.Vector)
        {
            return dimensions is >= 1 and <= MaxDimensions
                ? new ColumnType(type, dimensions.Value)
                : throw StoreErrors.InvalidArgument($"VECTOR needs a dimension count from 1 to {MaxDimensions}, as in VECTOR(384)");
        }

        return dimensions is null ? new ColumnType(type) : throw StoreErrors.InvalidArgument($"type {name} takes no dimension count");
    }

    /// <summary>Reads a type name as the catalog stores it, such as <c>VECTOR(384)</c>.</summary>
    public static ColumnType FromStored(string typeName)
    {
        var open = typeName.IndexOf('(', StringComparison.Ordinal);
        return open < 0
            ? Parse(typeName, null)
            : Parse(typeName[..open], int.Parse(typeName[(open + 1)..^1], CultureInfo.InvariantCulture));
    }

    public override string ToString() => Type switch
    {
        SqlType.Vector => $"VECTOR({Dimensions})",
        _ => Type.ToString().ToUpperInvariant(),
    };

    /// <summary>
    /// The value as this type stores it: NULL stays NULL; INTEGER takes integral REALs, REAL
    /// takes INTEGERs, BOOLEAN takes 0 / 1, VECTOR and SPARSE take their text literals. Anything
    /// else is a type mismatch naming <paramref name="target"/>.
    /// </summary>
    public DbValue Coerce(DbValue value, string target)
    {
        if (value.IsNull)
        {
            return value;
        }

        DbValue? result = (Type, value.Kind) switch
        {
            (SqlType.Integer, DbValueKind.Integer) => value,
            (SqlType.Integer, DbValueKind.Real) when IsIntegral(value.AsReal) => DbValue.FromInteger((long)value.AsReal),
            (SqlType.Real, DbValueKind.Real) => double.IsNaN(value.AsReal) ? throw StoreErrors.InvalidArgument($"{target} cannot hold NaN") : value,
            (SqlType.Real, DbValueKind.Integer) => DbValue.FromReal(value.AsInteger),
            (SqlType.Text, DbValueKind.Text) => value,
            (SqlType.Blob, DbValueKind.Blob) => value,
            (SqlType.Boolean, DbValueKind.Integer) when value.AsInteger is 0 or 1 => value,
            (SqlType.Vector, DbValueKind.Vector) => CheckDimensions(value),
            (SqlType.Vector, DbValueKind.Text) => CheckDimensions(DbValue.FromVector(VectorLiteral.ParseDense(value.AsText))),
            (SqlType.Sparse, DbValueKind.Sparse) => value,
            (SqlType.Sparse, DbValueKind.Text) => DbValue.FromSparse(VectorLiteral.ParseSparse(value.AsText)),
            _ => null,
        };

        return result ?? throw StoreErrors.TypeMismatch($"{target} is {this} and cannot hold the {Describe(value)}");
    }

    /// <summary>Names a value's type in messages.</summary>
    public static string Describe(DbValue value) => value.Kind switch
    {
        DbValueKind.Vector => $"{new ColumnType(SqlType.Vector, value.AsVector.Length)} value",
        DbValueKind.Text => $"TEXT value '{Abbreviate(value.AsText)}'",
        _ => $"{value.Kind.ToString().ToUpperInvariant()} value {Abbreviate(value.ToString())}",
    };

    private DbValue CheckDimensions(DbValue value)
    {
        var vector = value.AsVector;
        if (vector.Length != Dimensions)
        {
            throw StoreErrors.DimensionMismatch(Dimensions, vector.Length);
        }

        VectorBounds.Check(vector);
        return value;
    }

    private static bool IsIntegral(double x) => Math.Truncate(x) == x && x >= -9.2233720368547758e18 && x < 9.2233720368547758e18;

    private static string Abbreviate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
