namespace Store.Sql.Syntax;

/// <summary>One ORDER BY key and its direction.</summary>
internal sealed record OrderingTerm(Expression Expression, bool Descending);
