namespace Store.Sql.Syntax;

/// <summary><c>REINDEX [name]</c>: rebuilds an index, every index of a table, or with no name every index.</summary>
internal sealed record ReindexStatement(string? Name, int Line, int Column) : Statement(Line, Column);
