namespace Store.Sql.Syntax;

/// <summary><c>DROP TABLE | INDEX [IF EXISTS] name</c>.</summary>
internal sealed record DropStatement(bool IsIndex, string Name, bool IfExists, int Line, int Column) : Statement(Line, Column);
