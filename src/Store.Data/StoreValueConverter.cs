using System.Globalization;
using Store.Core.Values;
using Store.Core.Vectors;

namespace Store.Data;

/// <summary>
/// The one conversion path between CLR values and <see cref="DbValue"/>: parameter values in,
/// reader columns out, and the CLR type a column's declared type reads as. Keeping both
/// directions here is what makes a value written through a parameter read back as the same type.
/// </summary>
internal static class StoreValueConverter
{
    /// <summary>A parameter's value as the engine takes it; <paramref name="parameterName"/> only names it in errors.</summary>
    public static DbValue ToDbValue(object? value, string parameterName) => value switch
    {
        null or DBNull => DbValue.Null,
        long n => DbValue.FromInteger(n),
        int n => DbValue.FromInteger(n),
        short n => DbValue.FromInteger(n),
        sbyte n => DbValue.FromInteger(n),
        byte n => DbValue.FromInteger(n),
        ushort n => DbValue.FromInteger(n),
        uint n => DbValue.FromInteger(n),
        ulong n => DbValue.FromInteger(checked((long)n)),
        bool b => DbValue.FromInteger(b ? 1 : 0),
        Enum e => DbValue.FromInteger(Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        double x => DbValue.FromReal(x),
        float x => DbValue.FromReal(x),
        decimal x => DbValue.FromReal((double)x),
        string s => DbValue.FromText(s),
        char c => DbValue.FromText(c.ToString()),
        byte[] bytes => DbValue.FromBlob(bytes),
        float[] vector => DbValue.FromVector(vector),
        ReadOnlyMemory<float> vector => DbValue.FromVector(vector.ToArray()),
        SparseVector sparse => DbValue.FromSparse(sparse),
        _ => throw new ArgumentException(
            $"parameter '{parameterName}' has a value of type {value.GetType()}, which Store cannot bind; " +
            "use an integer, bool, floating-point number, string, byte[], float[], ReadOnlyMemory<float> or SparseVector"),
    };

    /// <summary>
    /// The CLR type a column of <paramref name="declaredType"/> (as the catalog spells it, such as
    /// <c>VECTOR(384)</c>) reads as, or null for a computed column, whose type only its values tell.
    /// </summary>
    public static Type? ClrType(string? declaredType) => declaredType is null ? null : ColumnType.FromStored(declaredType).Type switch
    {
        SqlType.Integer => typeof(long),
        SqlType.Real => typeof(double),
        SqlType.Text => typeof(string),
        SqlType.Blob => typeof(byte[]),
        SqlType.Boolean => typeof(bool),
        SqlType.Vector => typeof(float[]),
        _ => typeof(SparseVector),
    };

    /// <summary>The CLR type a value reads as when nothing asks for another.</summary>
    public static Type NaturalType(DbValue value) => value.Kind switch
    {
        DbValueKind.Integer => typeof(long),
        DbValueKind.Real => typeof(double),
        DbValueKind.Text => typeof(string),
        DbValueKind.Blob => typeof(byte[]),
        DbValueKind.Vector => typeof(float[]),
        DbValueKind.Sparse => typeof(SparseVector),
        _ => typeof(object),
    };

    /// <summary>A value's type as SQL names it, for columns that have no declared type.</summary>
    public static string SqlTypeName(DbValue value) => value.Kind switch
    {
        DbValueKind.Vector => new ColumnType(SqlType.Vector, value.AsVector.Length).ToString(),
        _ => value.Kind.ToString().ToUpperInvariant(),
    };

    /// <summary>
    /// A column value as <paramref name="target"/> (<see cref="object"/> means the value's natural
    /// type). NULL reads as <see cref="DBNull"/> for object, null for nullable and reference types,
    /// and is an error for other value types. Integers read as any numeric type or bool; reals as
    /// any floating-point type; vectors as float[] or ReadOnlyMemory&lt;float&gt;.
    /// </summary>
    public static object? FromDbValue(DbValue value, Type target)
    {
        if (value.IsNull)
        {
            if (target == typeof(object) || target == typeof(DBNull))
            {
                return DBNull.Value;
            }

            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null
                ? null
                : throw new InvalidCastException($"the value is NULL and cannot be read as {target}; read it as a nullable type or check IsDBNull first");
        }

        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target == typeof(object))
        {
            target = NaturalType(value);
        }

        object? result = value.Kind switch
        {
            DbValueKind.Integer when IsNumeric(target) => Convert.ChangeType(value.AsInteger, target, CultureInfo.InvariantCulture),
            DbValueKind.Real when target == typeof(double) || target == typeof(float) || target == typeof(decimal) =>
                Convert.ChangeType(value.AsReal, target, CultureInfo.InvariantCulture),
            DbValueKind.Text when target == typeof(string) => value.AsText,
            DbValueKind.Blob when target == typeof(byte[]) => value.AsBlob,
            DbValueKind.Vector when target == typeof(float[]) => value.AsVector,
            DbValueKind.Vector when target == typeof(ReadOnlyMemory<float>) => new ReadOnlyMemory<float>(value.AsVector),
            DbValueKind.Sparse when target == typeof(SparseVector) => value.AsSparse,
            _ => null,
        };

        return result ?? throw new InvalidCastException($"a {SqlTypeName(value)} value cannot be read as {target}");
    }

    /// <summary>The targets an integer converts to: bool, char and every numeric type (bool as non-zero).</summary>
    private static bool IsNumeric(Type target) => Type.GetTypeCode(target) is >= TypeCode.Boolean and <= TypeCode.Decimal && !target.IsEnum;
}
