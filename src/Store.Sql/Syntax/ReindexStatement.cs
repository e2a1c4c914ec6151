namespace Store.Sql.Syntax;

/// <summary>
/// <c>REINDEX [[INDEX | TABLE] name]</c>: rebuilds an index, every index of a table, or with no
/// name every index. <see cref="Target"/> is the kind named in PostgreSQL's form, null in
/// SQLite's, where the name may be either.
/// </summary>
internal sealed record ReindexStatement(string? Name, DropTarget? Target, int Line, int Column) : Statement(Line, Column);
