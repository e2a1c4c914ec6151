namespace Store.Sql.Syntax;

/// <summary><c>CAST(operand AS type)</c>, with the type name upper-cased and the dimension count of <c>VECTOR(n)</c>.</summary>
internal sealed record CastExpression(Expression Operand, string TypeName, int? Dimensions, int Line, int Column) : Expression(Line, Column);
