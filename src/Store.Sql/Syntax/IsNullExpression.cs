namespace Store.Sql.Syntax;

/// <summary><c>x IS NULL</c>, or <c>x IS NOT NULL</c> when <see cref="Negated"/>.</summary>
internal sealed record IsNullExpression(Expression Operand, bool Negated, int Line, int Column) : Expression(Line, Column);
