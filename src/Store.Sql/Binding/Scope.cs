using Store.Core.Errors;

namespace Store.Sql.Binding;

/// <summary>The columns visible to an expression, in row order, and name resolution over them.</summary>
internal sealed class Scope(IReadOnlyList<ScopeColumn> columns)
{
    public static readonly Scope Empty = new([]);

    public IReadOnlyList<ScopeColumn> Columns { get; } = columns;

    public Scope Concat(Scope other) => new([.. Columns, .. other.Columns]);

    /// <summary>
    /// The position of a column reference. A visible column wins over a hidden one of the same
    /// name, so a table's own column called rowid shadows the rowid itself.
    /// </summary>
    public int Resolve(string? table, string name)
    {
        var found = -1;
        var foundHidden = -1;
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            if (!string.Equals(column.Name, name, StringComparison.OrdinalIgnoreCase)
                || (table is not null && !string.Equals(column.Table, table, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (column.Hidden)
            {
                foundHidden = foundHidden < 0 ? i : -2;
            }
            else if (found >= 0)
            {
                throw StoreErrors.AmbiguousColumn(table is null ? name : $"{table}.{name}");
            }
            else
            {
                found = i;
            }
        }

        if (found < 0 && foundHidden == -2)
        {
            throw StoreErrors.AmbiguousColumn(table is null ? name : $"{table}.{name}");
        }

        return found >= 0 ? found : foundHidden >= 0 ? foundHidden : throw StoreErrors.UndefinedColumn(table is null ? name : $"{table}.{name}");
    }

    /// <summary>Whether some column comes from a table or alias of this name.</summary>
    public bool HasTable(string table) => Columns.Any(c => string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));
}
