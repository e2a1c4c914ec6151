using System.Globalization;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Functions;

/// <summary>String functions, with SQLite's names and 1-based positions.</summary>
internal static class TextFunctions
{
    public static IEnumerable<ScalarFunction> All() =>
    [
        new("length", 1, 1, a => DbValue.FromInteger(a[0].Kind switch
        {
            DbValueKind.Text => a[0].AsText.EnumerateRunes().Count(),
            DbValueKind.Blob => a[0].AsBlob.Length,
            _ => ValueText.Format(a[0]).Length,
        })),
        new("lower", 1, 1, a => DbValue.FromText(Text(a[0], "lower").ToLowerInvariant())),
        new("upper", 1, 1, a => DbValue.FromText(Text(a[0], "upper").ToUpperInvariant())),
        new("trim", 1, 2, a => DbValue.FromText(Text(a[0], "trim").Trim(Characters(a)))),
        new("ltrim", 1, 2, a => DbValue.FromText(Text(a[0], "ltrim").TrimStart(Characters(a)))),
        new("rtrim", 1, 2, a => DbValue.FromText(Text(a[0], "rtrim").TrimEnd(Characters(a)))),
        new("replace", 3, 3, a => DbValue.FromText(Text(a[1], "replace").Length == 0
            ? Text(a[0], "replace")
            : Text(a[0], "replace").Replace(Text(a[1], "replace"), Text(a[2], "replace"), StringComparison.Ordinal))),
        new("instr", 2, 2, a => DbValue.FromInteger(Text(a[0], "instr").IndexOf(Text(a[1], "instr"), StringComparison.Ordinal) + 1)),
        new("substr", 2, 3, Substring),
        new("substring", 2, 3, Substring),
    ];

    private static string Text(DbValue value, string function) =>
        value.Kind switch
        {
            DbValueKind.Text => value.AsText,
            DbValueKind.Integer or DbValueKind.Real => ValueText.Format(value),
            _ => throw StoreErrors.TypeMismatch($"{function} needs text, not a {ColumnType.Describe(value)}"),
        };

    private static char[] Characters(DbValue[] arguments) => arguments.Length > 1 ? Text(arguments[1], "trim").ToCharArray() : [' '];

    /// <summary>substr(text, start [, length]) with SQLite's rules: start 1 is the first character, a negative start counts from the end.</summary>
    private static DbValue Substring(DbValue[] arguments)
    {
        var text = Text(arguments[0], "substr");
        var start = (long)SqlArithmetic.ToDouble(arguments[1], "substr");
        var length = arguments.Length > 2 ? (long)SqlArithmetic.ToDouble(arguments[2], "substr") : long.MaxValue / 4;
        if (start < 0)
        {
            start = text.Length + start + 1;
        }
        else if (start == 0 && length > 0)
        {
            length--;
            start = 1;
        }

        var from = Math.Clamp(start - 1, 0, text.Length);
        var to = Math.Clamp(start - 1 + length, 0, text.Length);
        if (length < 0)
        {
            (from, to) = (Math.Clamp(start - 1 + length, 0, text.Length), Math.Clamp(start - 1, 0, text.Length));
        }

        return DbValue.FromText(text.Substring((int)from, (int)Math.Max(to - from, 0)).ToString(CultureInfo.InvariantCulture));
    }
}
