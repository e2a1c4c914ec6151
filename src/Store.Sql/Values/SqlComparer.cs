using Store.Core.Values;

namespace Store.Sql.Values;

/// <summary>
/// SQL's order of values, as SQLite sorts them and as the B+tree keys are encoded: NULL, then
/// numbers (INTEGER and REAL compared by exact value), then TEXT by Unicode code point (the
/// order of its UTF-8 bytes), then BLOB by bytes, then vectors and sparse vectors.
/// </summary>
internal sealed class SqlComparer : IComparer<DbValue>
{
    public static readonly SqlComparer Instance = new();

    public int Compare(DbValue a, DbValue b) => CompareValues(a, b);

    public static int CompareValues(DbValue a, DbValue b)
    {
        var rank = Rank(a.Kind).CompareTo(Rank(b.Kind));
        if (rank != 0)
        {
            return rank;
        }

        return a.Kind switch
        {
            DbValueKind.Null => 0,
            DbValueKind.Integer when b.Kind == DbValueKind.Integer => a.AsInteger.CompareTo(b.AsInteger),
            DbValueKind.Integer => -CompareRealToInteger(b.AsReal, a.AsInteger),
            DbValueKind.Real when b.Kind == DbValueKind.Integer => CompareRealToInteger(a.AsReal, b.AsInteger),
            DbValueKind.Real => CompareReals(a.AsReal, b.AsReal),
            DbValueKind.Text => CompareText(a.AsText, b.AsText),
            DbValueKind.Blob => a.AsBlob.AsSpan().SequenceCompareTo(b.AsBlob),
            DbValueKind.Vector => a.AsVector.AsSpan().SequenceCompareTo(b.AsVector),
            _ => string.CompareOrdinal(a.AsSparse.ToString(), b.AsSparse.ToString()),
        };
    }

    /// <summary>Whether two non-null values are equal as SQL's = sees them (1 = 1.0).</summary>
    public static bool AreEqual(DbValue a, DbValue b) => CompareValues(a, b) == 0;

    private static int Rank(DbValueKind kind) => kind switch
    {
        DbValueKind.Null => 0,
        DbValueKind.Integer or DbValueKind.Real => 1,
        DbValueKind.Text => 2,
        DbValueKind.Blob => 3,
        DbValueKind.Vector => 4,
        _ => 5,
    };

    /// <summary>NaN sorts with NULL's neighbours, below every other number, so the order stays total.</summary>
    private static int CompareReals(double a, double b) => a.CompareTo(b);

    /// <summary>Exact: converting the integer to double could round it (past 2^53) and call unequal values equal.</summary>
    private static int CompareRealToInteger(double real, long integer)
    {
        if (double.IsNaN(real))
        {
            return -1;
        }

        if (real < -9.2233720368547758e18)
        {
            return -1;
        }

        if (real >= 9.2233720368547758e18)
        {
            return 1;
        }

        var truncated = (long)real;
        if (truncated != integer)
        {
            return truncated.CompareTo(integer);
        }

        var fraction = real - Math.Truncate(real);
        return fraction.CompareTo(0.0);
    }

    /// <summary>UTF-16 ordinal order differs from code-point order only where a surrogate meets a character above U+E000.</summary>
    private static int CompareText(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x == y)
            {
                continue;
            }

            if (char.IsSurrogate(x) != char.IsSurrogate(y))
            {
                return char.IsSurrogate(x) ? 1 : -1;
            }

            return x.CompareTo(y);
        }

        return a.Length.CompareTo(b.Length);
    }
}
