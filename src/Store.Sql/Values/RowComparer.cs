using Store.Core.Values;

namespace Store.Sql.Values;

/// <summary>
/// Equality of rows for GROUP BY and DISTINCT: values equal under SQL's = (1 and 1.0 fall in
/// one group) and NULLs equal to each other, as both clauses treat them.
/// </summary>
internal sealed class RowComparer(int width) : IEqualityComparer<DbValue[]>
{
    public bool Equals(DbValue[]? x, DbValue[]? y)
    {
        for (var i = 0; i < width; i++)
        {
            if (SqlComparer.CompareValues(x![i], y![i]) != 0)
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(DbValue[] row)
    {
        var hash = new HashCode();
        for (var i = 0; i < width; i++)
        {
            hash.Add(HashOf(row[i]));
        }

        return hash.ToHashCode();
    }

    /// <summary>Numbers hash by their double value so that 1 and 1.0 land together; equal doubles from distinct large integers only collide.</summary>
    private static int HashOf(DbValue value) => value.Kind switch
    {
        DbValueKind.Integer => ((double)value.AsInteger).GetHashCode(),
        DbValueKind.Real => value.AsReal.GetHashCode(),
        _ => value.GetHashCode(),
    };
}
