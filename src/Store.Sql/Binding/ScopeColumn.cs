using Store.Core.Values;

namespace Store.Sql.Binding;

/// <summary>
/// One position of the rows a plan produces: the table (or alias) it comes from, its name, its
/// declared type when it is a stored column, whether <c>*</c> leaves it out (the rowid), and the
/// stored table it is read from (null for a computed column), which full-text functions need to
/// find their index.
/// </summary>
internal sealed record ScopeColumn(string? Table, string Name, ColumnType? Type = null, bool Hidden = false, string? BaseTable = null);
