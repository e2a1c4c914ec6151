namespace Store.Sql.Syntax;

/// <summary><c>DROP TABLE | INDEX | MODEL [IF EXISTS] name</c>.</summary>
internal sealed record DropStatement(DropTarget Target, string Name, bool IfExists, int Line, int Column) : Statement(Line, Column);
