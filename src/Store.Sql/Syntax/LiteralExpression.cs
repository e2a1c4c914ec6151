using Store.Core.Values;

namespace Store.Sql.Syntax;

/// <summary>A literal: NULL, TRUE / FALSE (stored as 1 / 0), an integer, a real or a string.</summary>
internal sealed record LiteralExpression(DbValue Value, int Line, int Column) : Expression(Line, Column);
