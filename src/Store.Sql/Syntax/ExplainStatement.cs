namespace Store.Sql.Syntax;

/// <summary><c>EXPLAIN statement</c>: the plan the executor would run, not the statement's result.</summary>
internal sealed record ExplainStatement(Statement Statement, int Line, int Column) : Statement(Line, Column);
