namespace Store.Sql.Syntax;

/// <summary><c>DESCRIBE table</c>.</summary>
internal sealed record DescribeStatement(string Table, int Line, int Column) : Statement(Line, Column);
