namespace Store.Sql.Syntax;

/// <summary><c>SHOW TABLES | INDEXES | MODELS</c>.</summary>
internal sealed record ShowStatement(ShowTarget Target, int Line, int Column) : Statement(Line, Column);
