namespace Store.Sql.Syntax;

/// <summary>A column reference, optionally qualified by a table name or alias.</summary>
internal sealed record ColumnExpression(string? Table, string Name, int Line, int Column) : Expression(Line, Column);
