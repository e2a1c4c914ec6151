namespace Store.Sql.Syntax;

/// <summary><c>x [NOT] IN (a, b, ...)</c>.</summary>
internal sealed record InListExpression(Expression Operand, IReadOnlyList<Expression> Items, bool Negated, int Line, int Column) : Expression(Line, Column);
