namespace Store.Sql.Syntax;

/// <summary>NOT, unary minus or unary plus applied to one operand.</summary>
internal sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, int Line, int Column) : Expression(Line, Column);
