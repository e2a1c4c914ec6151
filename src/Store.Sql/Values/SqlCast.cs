using System.Globalization;
using Store.Core.Values;

namespace Store.Sql.Values;

/// <summary>
/// CAST(x AS type). Between numbers and text it converts as SQLite does (text becomes the
/// number its leading characters spell, or 0); into VECTOR, SPARSE and BOOLEAN it is the same
/// coercion a column applies, so a bad value is an error rather than a silent guess.
/// </summary>
internal static class SqlCast
{
    public static DbValue Convert(DbValue value, ColumnType target)
    {
        if (value.IsNull)
        {
            return value;
        }

        return target.Type switch
        {
            SqlType.Integer => value.Kind switch
            {
                DbValueKind.Integer => value,
                DbValueKind.Real => DbValue.FromInteger(TruncateToInteger(value.AsReal)),
                DbValueKind.Text => DbValue.FromInteger(TruncateToInteger(LeadingNumber(value.AsText))),
                _ => target.Coerce(value, "CAST"),
            },
            SqlType.Real => value.Kind switch
            {
                DbValueKind.Integer => DbValue.FromReal(value.AsInteger),
                DbValueKind.Real => value,
                DbValueKind.Text => DbValue.FromReal(LeadingNumber(value.AsText)),
                _ => target.Coerce(value, "CAST"),
            },
            SqlType.Text => value.Kind == DbValueKind.Text ? value : DbValue.FromText(ValueText.Format(value)),
            SqlType.Blob => value.Kind == DbValueKind.Text ? DbValue.FromBlob(System.Text.Encoding.UTF8.GetBytes(value.AsText)) : target.Coerce(value, "CAST"),
            SqlType.Boolean when value.Kind is DbValueKind.Integer or DbValueKind.Real => SqlLogic.From(SqlLogic.Truth(value) == true),
            _ => target.Coerce(value, "CAST"),
        };
    }

    private static long TruncateToInteger(double value) =>
        double.IsNaN(value) ? 0 : value >= 9.2233720368547758e18 ? long.MaxValue : value <= -9.2233720368547758e18 ? long.MinValue : (long)value;

    /// <summary>The longest prefix of the text (after leading spaces) that reads as a number; 0 when there is none.</summary>
    private static double LeadingNumber(string text)
    {
        var trimmed = text.TrimStart();
        trimmed = trimmed[..Math.Min(trimmed.Length, 64)];
        for (var length = trimmed.Length; length > 0; length--)
        {
            if (double.TryParse(trimmed.AsSpan(0, length), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return 0;
    }
}
