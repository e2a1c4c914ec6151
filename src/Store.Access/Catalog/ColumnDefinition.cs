using Store.Core.Values;

namespace Store.Access.Catalog;

/// <summary>
/// One column of a table: its name, declared type as written (INTEGER, TEXT, VECTOR(384), ...),
/// NOT NULL, and whether it is the INTEGER PRIMARY KEY that aliases the rowid.
/// </summary>
internal sealed record ColumnDefinition(string Name, string TypeName, bool NotNull = false, bool IsRowIdAlias = false)
{
    /// <summary>The declared type, read once from <see cref="TypeName"/> when the schema is read.</summary>
    public ColumnType Type { get; } = ColumnType.FromStored(TypeName);
}
