namespace Store.Sql.Syntax;

/// <summary>One <c>WHEN condition THEN result</c> of a CASE expression.</summary>
internal sealed record CaseBranch(Expression When, Expression Then);
