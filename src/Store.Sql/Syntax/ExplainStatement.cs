namespace Store.Sql.Syntax;

/// <summary>
/// <c>EXPLAIN statement</c>: the plan the executor would run, not the statement's result.
/// <c>EXPLAIN ANALYZE query</c> also runs it and reports what the run took.
/// </summary>
internal sealed record ExplainStatement(Statement Statement, bool Analyze, int Line, int Column) : Statement(Line, Column);
