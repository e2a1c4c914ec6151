using System.Globalization;

namespace Store.Core.Values;

/// <summary>
/// Values as text, the one form the shell, SQL (<c>||</c>, CAST, EXPLAIN) and
/// <see cref="DbValue.ToString"/> all use: integers plainly, reals in their shortest round-trip
/// form with a ".0" when integral (as SQLite prints them), blobs as <c>x'..'</c>, vectors and
/// sparse vectors in their literal forms, which <see cref="VectorLiteral"/> reads back.
/// </summary>
public static class ValueText
{
    /// <summary>
    /// The value's text; a vector longer than <paramref name="shownDimensions"/> is cut to that
    /// many elements and its length (the shell's tables do this), which no parser reads back.
    /// </summary>
    public static string Format(DbValue value, int shownDimensions = int.MaxValue) => value.Kind switch
    {
        DbValueKind.Null => "NULL",
        DbValueKind.Integer => value.AsInteger.ToString(CultureInfo.InvariantCulture),
        DbValueKind.Real => Real(value.AsReal),
        DbValueKind.Text => value.AsText,
        DbValueKind.Blob => "x'" + Convert.ToHexString(value.AsBlob) + "'",
        DbValueKind.Vector => Vector(value.AsVector, shownDimensions),
        _ => value.AsSparse.ToString(),
    };

    public static string Real(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }

    /// <summary>A vector element or sparse weight: the shortest text that reads back as the same float.</summary>
    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Vector(float[] vector, int shown) =>
        vector.Length > shown
            ? "[" + string.Join(", ", vector.Take(shown).Select(Float)) + $", … ({vector.Length} dims)]"
            : "[" + string.Join(", ", vector.Select(Float)) + "]";
}
