namespace Store.Sql.Syntax;

/// <summary>
/// <c>rerank([model,] query, (SELECT ...))</c> in FROM: the subquery's rows with a score for
/// each, its last column being the text that is scored. The arguments are those before the
/// subquery, as written; the planner checks there are one or two.
/// </summary>
internal sealed record RerankSource(IReadOnlyList<Expression> Arguments, SelectStatement Candidates, string? Alias, int Line, int Column)
    : TableSource(Alias, Line, Column);
