namespace Store.Sql.Syntax;

/// <summary><c>x [NOT] BETWEEN low AND high</c>.</summary>
internal sealed record BetweenExpression(Expression Operand, Expression Low, Expression High, bool Negated, int Line, int Column) : Expression(Line, Column);
