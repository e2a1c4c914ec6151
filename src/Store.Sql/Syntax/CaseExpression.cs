namespace Store.Sql.Syntax;

/// <summary>
/// <c>CASE [operand] WHEN a THEN x ... [ELSE y] END</c>. With an operand each WHEN value is
/// compared to it; without one each WHEN is a condition.
/// </summary>
internal sealed record CaseExpression(Expression? Operand, IReadOnlyList<CaseBranch> Branches, Expression? Else, int Line, int Column) : Expression(Line, Column);
