namespace Store.Sql.Syntax;

/// <summary>
/// One item of a select list: an expression with an optional alias, or a star — all columns
/// (<see cref="StarTable"/> null) or those of one table (<c>d.*</c>).
/// </summary>
internal sealed record SelectItem(Expression? Expression, string? Alias, bool IsStar, string? StarTable);
