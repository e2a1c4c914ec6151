using Store.Core.Values;

namespace Store.Sql.Operators;

/// <summary>
/// Turns a comparison of the rowid with a value into integer scan bounds (start inclusive, end
/// exclusive). Any value past every integer (text, blobs) or NULL is handled as SQL's ordering
/// says, so the scan never misses a row the comparison would keep.
/// </summary>
internal static class RowIdBounds
{
    /// <summary>The first rowid at or above the bound; false when no rowid can satisfy it.</summary>
    public static bool TryStart(DbValue bound, bool inclusive, out long? start)
    {
        start = null;
        switch (bound.Kind)
        {
            case DbValueKind.Integer:
                if (!inclusive && bound.AsInteger == long.MaxValue)
                {
                    return false;
                }

                start = inclusive ? bound.AsInteger : bound.AsInteger + 1;
                return true;
            case DbValueKind.Real:
                var real = bound.AsReal;
                var first = inclusive ? Math.Ceiling(real) : Math.Floor(real) + 1;
                if (double.IsNaN(real) || first > 9.2233720368547758e18)
                {
                    return false;
                }

                start = first < -9.2233720368547758e18 ? null : (long)first;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The first rowid past the bound (null: no end); false when no rowid can satisfy it.</summary>
    public static bool TryEnd(DbValue bound, bool inclusive, out long? end)
    {
        end = null;
        switch (bound.Kind)
        {
            case DbValueKind.Null:
                return false;
            case DbValueKind.Integer:
                if (!inclusive && bound.AsInteger == long.MinValue)
                {
                    return false;
                }

                end = inclusive ? (bound.AsInteger == long.MaxValue ? null : bound.AsInteger + 1) : bound.AsInteger;
                return true;
            case DbValueKind.Real:
                var real = bound.AsReal;
                var past = inclusive ? Math.Floor(real) + 1 : Math.Ceiling(real);
                if (double.IsNaN(real) || past <= -9.2233720368547758e18)
                {
                    return false;
                }

                end = past > 9.2233720368547758e18 ? null : (long)past;
                return true;
            default:
                return true;
        }
    }

    /// <summary>The rowid equal to a value, when one can be.</summary>
    public static bool TryExact(DbValue value, out long rowId)
    {
        rowId = 0;
        if (value.Kind == DbValueKind.Integer)
        {
            rowId = value.AsInteger;
            return true;
        }

        if (value.Kind == DbValueKind.Real && Math.Truncate(value.AsReal) == value.AsReal && value.AsReal >= -9.2233720368547758e18 && value.AsReal < 9.2233720368547758e18)
        {
            rowId = (long)value.AsReal;
            return true;
        }

        return false;
    }
}
