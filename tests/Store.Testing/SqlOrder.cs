using System.Numerics;
using Store.Core.Values;

namespace Store.Testing;

/// <summary>
/// The reference ordering of scalar values, as SQLite sorts them: NULL, then numbers by value
/// (integers and reals compared exactly), then text by UTF-8 bytes, then blobs by bytes.
/// </summary>
public static class SqlOrder
{
    public static int Compare(DbValue a, DbValue b)
    {
        var rank = Rank(a).CompareTo(Rank(b));
        if (rank != 0)
        {
            return rank;
        }

        return a.Kind switch
        {
            DbValueKind.Null => 0,
            DbValueKind.Integer or DbValueKind.Real => CompareNumbers(a, b),
            DbValueKind.Text => System.Text.Encoding.UTF8.GetBytes(a.AsText).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b.AsText)),
            _ => a.AsBlob.AsSpan().SequenceCompareTo(b.AsBlob),
        };
    }

    private static int Rank(DbValue value) => value.Kind switch
    {
        DbValueKind.Null => 0,
        DbValueKind.Integer or DbValueKind.Real => 1,
        DbValueKind.Text => 2,
        _ => 3,
    };

    private static int CompareNumbers(DbValue a, DbValue b)
    {
        if (a.Kind == DbValueKind.Integer && b.Kind == DbValueKind.Integer)
        {
            return a.AsInteger.CompareTo(b.AsInteger);
        }

        // Exact comparison of an int64 with a double: compare as rationals via BigInteger where both are finite.
        var x = a.Kind == DbValueKind.Real ? a.AsReal : (double?)null;
        var y = b.Kind == DbValueKind.Real ? b.AsReal : (double?)null;
        if ((x is { } dx && double.IsInfinity(dx)) || (y is { } dy && double.IsInfinity(dy)))
        {
            return (x ?? a.AsInteger).CompareTo(y ?? b.AsInteger);
        }

        return Exact(a).CompareTo(Exact(b));
    }

    /// <summary>The value times 2^1100, as an exact integer (every finite double is a multiple of 2^-1074).</summary>
    private static BigInteger Exact(DbValue value)
    {
        if (value.Kind == DbValueKind.Integer)
        {
            return new BigInteger(value.AsInteger) << 1100;
        }

        var d = value.AsReal;
        var bits = BitConverter.DoubleToInt64Bits(d);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var magnitude = new BigInteger(mantissa) << (exponent - 1075 + 1100);
        return d < 0 ? -magnitude : magnitude;
    }
}
