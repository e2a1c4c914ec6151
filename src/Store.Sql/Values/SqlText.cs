using System.Globalization;
using Store.Core.Values;

namespace Store.Sql.Values;

/// <summary>
/// Values as text, for <c>||</c>, CAST and display: integers plainly, reals in their shortest
/// round-trip form with a ".0" when integral (as SQLite prints them), vectors and sparse
/// vectors in their literal forms.
/// </summary>
internal static class SqlText
{
    public static string Format(DbValue value) => value.Kind switch
    {
        DbValueKind.Null => "NULL",
        DbValueKind.Real => FormatReal(value.AsReal),
        DbValueKind.Vector => "[" + string.Join(",", value.AsVector.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        DbValueKind.Blob => "x'" + Convert.ToHexString(value.AsBlob) + "'",
        _ => value.ToString(),
    };

    public static string FormatReal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }
}
