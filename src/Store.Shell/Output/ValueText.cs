using System.Globalization;
using Store.Core.Values;

namespace Store.Shell.Output;

/// <summary>Values as the shell shows them: reals in shortest round-trip form (".0" when integral), long vectors abbreviated in tables.</summary>
internal static class ValueText
{
    private const int ShownDimensions = 6;

    public static string Format(DbValue value, bool abbreviate) => value.Kind switch
    {
        DbValueKind.Null => "NULL",
        DbValueKind.Real => Real(value.AsReal),
        DbValueKind.Vector => Vector(value.AsVector, abbreviate),
        DbValueKind.Blob => "x'" + Convert.ToHexString(value.AsBlob) + "'",
        _ => value.ToString(),
    };

    public static string Real(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }

    public static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Vector(float[] vector, bool abbreviate) =>
        abbreviate && vector.Length > ShownDimensions
            ? "[" + string.Join(", ", vector.Take(ShownDimensions).Select(Float)) + $", … ({vector.Length} dims)]"
            : "[" + string.Join(", ", vector.Select(Float)) + "]";
}
