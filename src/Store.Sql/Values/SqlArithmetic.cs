using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Sql.Values;

/// <summary>
/// Arithmetic as SQLite does it: NULL in, NULL out; INTEGER with INTEGER stays INTEGER unless
/// it overflows (then REAL); INTEGER division truncates; division or remainder by zero is
/// NULL. Text, blobs and vectors are not numbers here: using one is a type mismatch.
/// </summary>
internal static class SqlArithmetic
{
    public static DbValue Add(DbValue a, DbValue b) => Apply(a, b, "+",
        static (x, y) => Fits((Int128)x + y) ? DbValue.FromInteger(x + y) : DbValue.FromReal((double)x + y),
        static (x, y) => x + y);

    public static DbValue Subtract(DbValue a, DbValue b) => Apply(a, b, "-",
        static (x, y) => Fits((Int128)x - y) ? DbValue.FromInteger(x - y) : DbValue.FromReal((double)x - y),
        static (x, y) => x - y);

    public static DbValue Multiply(DbValue a, DbValue b) => Apply(a, b, "*",
        static (x, y) => Fits((Int128)x * y) ? DbValue.FromInteger(x * y) : DbValue.FromReal((double)x * y),
        static (x, y) => x * y);

    public static DbValue Divide(DbValue a, DbValue b) => Apply(a, b, "/",
        static (x, y) => y == 0 ? DbValue.Null : x == long.MinValue && y == -1 ? DbValue.FromReal(-(double)x) : DbValue.FromInteger(x / y),
        static (x, y) => y == 0 ? double.NaN : x / y);

    public static DbValue Modulo(DbValue a, DbValue b) => Apply(a, b, "%",
        static (x, y) => y == 0 ? DbValue.Null : y == -1 ? DbValue.FromInteger(0) : DbValue.FromInteger(x % y),
        static (x, y) => y == 0 ? double.NaN : x % y);

    public static DbValue Negate(DbValue a) => a.Kind switch
    {
        DbValueKind.Null => a,
        DbValueKind.Integer => a.AsInteger == long.MinValue ? DbValue.FromReal(-(double)long.MinValue) : DbValue.FromInteger(-a.AsInteger),
        DbValueKind.Real => DbValue.FromReal(-a.AsReal),
        _ => throw NotANumber("-", a),
    };

    /// <summary>A number as a double, for functions that compute in floating point.</summary>
    public static double ToDouble(DbValue value, string operation) => value.Kind switch
    {
        DbValueKind.Integer => value.AsInteger,
        DbValueKind.Real => value.AsReal,
        _ => throw NotANumber(operation, value),
    };

    public static StoreException NotANumber(string operation, DbValue value) =>
        StoreErrors.TypeMismatch($"{operation} needs numbers, not a {ColumnType.Describe(value)}");

    private static bool Fits(Int128 value) => value >= long.MinValue && value <= long.MaxValue;

    private static DbValue Apply(DbValue a, DbValue b, string operation, Func<long, long, DbValue> integers, Func<double, double, double> reals)
    {
        if (a.IsNull || b.IsNull)
        {
            return DbValue.Null;
        }

        if (a.Kind == DbValueKind.Integer && b.Kind == DbValueKind.Integer)
        {
            return integers(a.AsInteger, b.AsInteger);
        }

        var result = reals(ToDouble(a, operation), ToDouble(b, operation));
        return double.IsNaN(result) ? DbValue.Null : DbValue.FromReal(result);
    }
}
