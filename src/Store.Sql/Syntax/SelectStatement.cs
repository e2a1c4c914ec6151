namespace Store.Sql.Syntax;

/// <summary>
/// <c>SELECT [DISTINCT] items [FROM source joins] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT [OFFSET]]</c>.
/// </summary>
internal sealed record SelectStatement(
    bool Distinct,
    IReadOnlyList<SelectItem> Items,
    TableSource? From,
    IReadOnlyList<Join> Joins,
    Expression? Where,
    IReadOnlyList<Expression> GroupBy,
    Expression? Having,
    IReadOnlyList<OrderingTerm> OrderBy,
    Expression? Limit,
    Expression? Offset,
    int Line,
    int Column) : Statement(Line, Column);
