namespace Store.Sql.Syntax;

/// <summary>A parameter: named (<c>:q</c>, <c>@q</c>, <c>$q</c>, with the name stored without its sigil) or positional (<c>?</c>, Name null).</summary>
internal sealed record ParameterExpression(string? Name, int Line, int Column) : Expression(Line, Column);
