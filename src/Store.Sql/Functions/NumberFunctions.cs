using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Functions;

/// <summary>Math functions. Results outside a function's domain (sqrt of a negative, log of zero) are NULL, as in SQLite.</summary>
internal static class NumberFunctions
{
    public static IEnumerable<ScalarFunction> All() =>
    [
        new("abs", 1, 1, a => a[0].Kind == DbValueKind.Integer && a[0].AsInteger != long.MinValue
            ? DbValue.FromInteger(Math.Abs(a[0].AsInteger))
            : Real(Math.Abs(SqlArithmetic.ToDouble(a[0], "abs")))),
        new("round", 1, 2, a => Real(Math.Round(SqlArithmetic.ToDouble(a[0], "round"), a.Length > 1 ? (int)Math.Clamp(SqlArithmetic.ToDouble(a[1], "round"), 0, 15) : 0, MidpointRounding.AwayFromZero))),
        new("floor", 1, 1, a => a[0].Kind == DbValueKind.Integer ? a[0] : Real(Math.Floor(SqlArithmetic.ToDouble(a[0], "floor")))),
        new("ceil", 1, 1, a => a[0].Kind == DbValueKind.Integer ? a[0] : Real(Math.Ceiling(SqlArithmetic.ToDouble(a[0], "ceil")))),
        new("ceiling", 1, 1, a => a[0].Kind == DbValueKind.Integer ? a[0] : Real(Math.Ceiling(SqlArithmetic.ToDouble(a[0], "ceiling")))),
        new("sqrt", 1, 1, a => Real(Math.Sqrt(SqlArithmetic.ToDouble(a[0], "sqrt")))),
        new("power", 2, 2, a => Real(Math.Pow(SqlArithmetic.ToDouble(a[0], "power"), SqlArithmetic.ToDouble(a[1], "power")))),
        new("pow", 2, 2, a => Real(Math.Pow(SqlArithmetic.ToDouble(a[0], "pow"), SqlArithmetic.ToDouble(a[1], "pow")))),
        new("exp", 1, 1, a => Real(Math.Exp(SqlArithmetic.ToDouble(a[0], "exp")))),
        new("ln", 1, 1, a => Real(Log(SqlArithmetic.ToDouble(a[0], "ln")))),
        new("sign", 1, 1, a => DbValue.FromInteger(Math.Sign(SqlArithmetic.ToDouble(a[0], "sign")))),
        new("coalesce", 1, int.MaxValue, a => a.FirstOrDefault(v => !v.IsNull)) { NullPropagating = false },
        new("ifnull", 2, 2, a => a[0].IsNull ? a[1] : a[0]) { NullPropagating = false },
        new("nullif", 2, 2, a => !a[0].IsNull && !a[1].IsNull && SqlComparer.AreEqual(a[0], a[1]) ? DbValue.Null : a[0]) { NullPropagating = false },
        new("typeof", 1, 1, a => DbValue.FromText(a[0].Kind switch
        {
            DbValueKind.Null => "null",
            DbValueKind.Integer => "integer",
            DbValueKind.Real => "real",
            DbValueKind.Text => "text",
            DbValueKind.Blob => "blob",
            DbValueKind.Vector => "vector",
            _ => "sparse",
        })) { NullPropagating = false },
    ];

    private static double Log(double x) => x > 0 ? Math.Log(x) : double.NaN;

    /// <summary>A computed real, with NaN (outside the domain) as NULL.</summary>
    private static DbValue Real(double value) => double.IsNaN(value) ? DbValue.Null : DbValue.FromReal(value);
}
