namespace Store.Sql.Syntax;

/// <summary>
/// A function call such as <c>embed('arctic', body)</c> or an aggregate; <see cref="Star"/>
/// marks <c>COUNT(*)</c>, <see cref="Distinct"/> marks <c>COUNT(DISTINCT x)</c>.
/// </summary>
internal sealed record FunctionCallExpression(string Name, IReadOnlyList<Expression> Arguments, bool Star, bool Distinct, int Line, int Column)
    : Expression(Line, Column);
