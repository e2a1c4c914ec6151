using Store.Core.Errors;

namespace Store.Sql.Binding;

/// <summary>The columns visible to an expression, in row order, and name resolution over them.</summary>
internal sealed class Scope(IReadOnlyList<ScopeColumn> columns)
{
    private const int Missing = -1;
    private const int Ambiguous = -2;

    public static readonly Scope Empty = new([]);

    public IReadOnlyList<ScopeColumn> Columns { get; } = columns;

    public Scope Concat(Scope other) => new([.. Columns, .. other.Columns]);

    /// <summary>
    /// The position of a column reference. A visible column wins over a hidden one of the same
    /// name, so a table's own column called rowid shadows the rowid itself.
    /// </summary>
    public int Resolve(string? table, string name) => Find(table, name) switch
    {
        >= 0 and var position => position,
        Ambiguous => throw StoreErrors.AmbiguousColumn(table is null ? name : $"{table}.{name}"),
        _ => throw StoreErrors.UndefinedColumn(table is null ? name : $"{table}.{name}"),
    };

    /// <summary>The position of a column reference as <see cref="Resolve"/> finds it; false when no column or more than one answers to it.</summary>
    public bool TryResolve(string? table, string name, out int position)
    {
        position = Find(table, name);
        return position >= 0;
    }

    /// <summary>The column's position, <see cref="Missing"/> or <see cref="Ambiguous"/>.</summary>
    private int Find(string? table, string name)
    {
        var found = Missing;
        var foundHidden = Missing;
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
                foundHidden = foundHidden == Missing ? i : Ambiguous;
            }
            else if (found >= 0)
            {
                return Ambiguous;
            }
            else
            {
                found = i;
            }
        }

        return found >= 0 ? found : foundHidden;
    }

    /// <summary>Whether some column comes from a table or alias of this name.</summary>
    public bool HasTable(string table) => Columns.Any(c => string.Equals(c.Table, table, StringComparison.OrdinalIgnoreCase));
}
