namespace Store.Sql.Syntax;

/// <summary><c>x [NOT] LIKE pattern</c>.</summary>
internal sealed record LikeExpression(Expression Operand, Expression Pattern, bool Negated, int Line, int Column) : Expression(Line, Column);
