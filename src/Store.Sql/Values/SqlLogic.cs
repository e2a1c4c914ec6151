using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Sql.Values;

/// <summary>
/// SQL's three-valued logic: a condition is true, false or unknown (NULL). Numbers are true
/// when non-zero; text, blobs and vectors are not conditions.
/// </summary>
internal static class SqlLogic
{
    public static readonly DbValue True = DbValue.FromInteger(1);
    public static readonly DbValue False = DbValue.FromInteger(0);

    public static DbValue From(bool value) => value ? True : False;

    /// <summary>The truth of a value: null for NULL (unknown).</summary>
    public static bool? Truth(DbValue value) => value.Kind switch
    {
        DbValueKind.Null => null,
        DbValueKind.Integer => value.AsInteger != 0,
        DbValueKind.Real => value.AsReal != 0,
        _ => throw StoreErrors.TypeMismatch($"a condition must be a number or boolean, not a {ColumnType.Describe(value)}"),
    };

    /// <summary>Whether a row passes a filter: only a true condition keeps it.</summary>
    public static bool IsTrue(DbValue value) => Truth(value) == true;
}
