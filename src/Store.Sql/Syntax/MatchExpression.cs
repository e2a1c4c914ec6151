namespace Store.Sql.Syntax;

/// <summary><c>column MATCH query</c>: a full-text predicate through the column's bm25 index.</summary>
internal sealed record MatchExpression(Expression Operand, Expression Query, int Line, int Column) : Expression(Line, Column);
