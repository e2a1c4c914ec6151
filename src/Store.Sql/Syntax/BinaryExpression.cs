namespace Store.Sql.Syntax;

/// <summary>An infix operator applied to two operands.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, int Line, int Column) : Expression(Line, Column);
