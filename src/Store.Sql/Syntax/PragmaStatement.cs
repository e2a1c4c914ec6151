namespace Store.Sql.Syntax;

/// <summary><c>PRAGMA name</c>, such as <c>PRAGMA integrity_check</c>.</summary>
internal sealed record PragmaStatement(string Name, int Line, int Column) : Statement(Line, Column);
