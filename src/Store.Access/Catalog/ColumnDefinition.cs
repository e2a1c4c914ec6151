using Store.Core.Values;

namespace Store.Access.Catalog;

/// <summary>
/// One column of a table: its name, declared type as written (INTEGER, TEXT, VECTOR(384), ...),
/// NOT NULL, and whether it is the INTEGER PRIMARY KEY that aliases the rowid.
/// </summary>
internal sealed record ColumnDefinition(string Name, string TypeName, bool NotNull = false, bool IsRowIdAlias = false)
{
    /// <summary>The declared type, read from <see cref="TypeName"/> by the one type parser (a few string compares: cheap enough to read on use).</summary>
    public ColumnType Type => ColumnType.FromStored(TypeName);
}
