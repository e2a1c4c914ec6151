using Store.Access.Catalog;
using Store.Core.Values;

namespace Store.Sql.Binding;

/// <summary>The scope a table's rows have in a plan: its columns under the table's alias, then the hidden rowid.</summary>
internal static class TableColumns
{
    public static Scope ScopeOf(TableSchema schema, string alias) =>
        new([
            .. schema.Columns.Select(c => new ScopeColumn(alias, c.Name, c.Type, BaseTable: schema.Name)),
            new ScopeColumn(alias, "rowid", new ColumnType(SqlType.Integer), Hidden: true, BaseTable: schema.Name),
        ]);

    /// <summary>A stored row with its rowid appended, as table operators emit it.</summary>
    public static Core.Values.DbValue[] WithRowId(Core.Values.DbValue[] values, long rowId)
    {
        var row = new Core.Values.DbValue[values.Length + 1];
        values.CopyTo(row, 0);
        row[^1] = Core.Values.DbValue.FromInteger(rowId);
        return row;
    }
}
