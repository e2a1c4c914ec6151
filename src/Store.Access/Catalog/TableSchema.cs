namespace Store.Access.Catalog;

/// <summary>A table's name and columns, as stored in the catalog.</summary>
internal sealed record TableSchema(string Name, IReadOnlyList<ColumnDefinition> Columns)
{
    /// <summary>Position of the rowid alias column, or -1.</summary>
    public int RowIdAliasIndex
    {
        get
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (Columns[i].IsRowIdAlias)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
