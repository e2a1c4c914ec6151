using System.Globalization;
using System.Text.Json;
using Store.Core.Errors;
using Store.Core.Values;

namespace Store.Shell.Import;

/// <summary>
/// Turns imported fields into values of their column's type: CSV text by parsing, JSON values
/// by their JSON type (arrays of numbers are vectors, objects of index to weight sparse vectors).
/// </summary>
internal static class FieldConverter
{
    public static DbValue FromCsv(string field, ColumnType type)
    {
        if (field.Length == 0)
        {
            return DbValue.Null;
        }

        return type.Type switch
        {
            SqlType.Integer => long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? DbValue.FromInteger(n) : Fail(field, type),
            SqlType.Real => double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? DbValue.FromReal(r) : Fail(field, type),
            SqlType.Boolean => field.ToLowerInvariant() switch
            {
                "1" or "true" => DbValue.FromInteger(1),
                "0" or "false" => DbValue.FromInteger(0),
                _ => Fail(field, type),
            },
            _ => DbValue.FromText(field),
        };
    }

    public static DbValue FromJson(JsonElement element, ColumnType type) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => DbValue.Null,
        JsonValueKind.True => DbValue.FromInteger(1),
        JsonValueKind.False => DbValue.FromInteger(0),
        JsonValueKind.Number when type.Type != SqlType.Real && element.TryGetInt64(out var n) => DbValue.FromInteger(n),
        JsonValueKind.Number => DbValue.FromReal(element.GetDouble()),
        JsonValueKind.Array => DbValue.FromVector(element.EnumerateArray().Select(e => e.GetSingle()).ToArray()),
        JsonValueKind.Object => DbValue.FromText("{" + string.Join(", ", element.EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetRawText()}")) + "}"),
        _ => DbValue.FromText(element.GetString()!),
    };

    /// <summary>The column type CSV samples suggest for a new table: INTEGER or REAL when every non-empty sample parses so, else TEXT.</summary>
    public static ColumnType TypeOf(IEnumerable<string> samples)
    {
        var values = samples.Where(s => s.Length > 0).ToList();
        if (values.Count > 0 && values.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
        {
            return new ColumnType(SqlType.Integer);
        }

        return values.Count > 0 && values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) ? new ColumnType(SqlType.Real) : new ColumnType(SqlType.Text);
    }

    private static DbValue Fail(string field, ColumnType type) =>
        throw StoreErrors.InvalidArgument($"'{field}' is not a valid {type} value");
}
