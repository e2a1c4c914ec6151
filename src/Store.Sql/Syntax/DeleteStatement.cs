namespace Store.Sql.Syntax;

/// <summary><c>DELETE FROM table [WHERE condition]</c>.</summary>
internal sealed record DeleteStatement(string Table, Expression? Where, int Line, int Column) : Statement(Line, Column);
