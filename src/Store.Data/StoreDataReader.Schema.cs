using System.Data;
using System.Data.Common;

namespace Store.Data;

/// <summary>The schema table of the current result set.</summary>
public sealed partial class StoreDataReader
{
    /// <summary>
    /// One row per column with its name, ordinal, CLR and SQL type. The engine reports neither
    /// nullability nor the base table of a result column, so AllowDBNull is always true and a
    /// column without a declared type is marked as an expression.
    /// </summary>
    public override DataTable GetSchemaTable()
    {
        ThrowIfClosed();
        var table = new DataTable("SchemaTable");
        var name = table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        var ordinal = table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        var size = table.Columns.Add(SchemaTableColumn.ColumnSize, typeof(int));
        var dataType = table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        var dataTypeName = table.Columns.Add("DataTypeName", typeof(string));
        var allowNull = table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        var isExpression = table.Columns.Add(SchemaTableColumn.IsExpression, typeof(bool));
        for (var i = 0; i < FieldCount; i++)
        {
            var row = table.NewRow();
            row[name] = GetName(i);
            row[ordinal] = i;
            row[size] = -1;
            row[dataType] = GetFieldType(i);
            row[dataTypeName] = GetDataTypeName(i);
            row[allowNull] = true;
            row[isExpression] = Columns[i].DeclaredType is null;
            table.Rows.Add(row);
        }

        return table;
    }
}
