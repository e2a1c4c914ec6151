namespace Store.Sql.Syntax;

/// <summary>An inner or left join of a source on a condition.</summary>
internal sealed record Join(bool Left, TableSource Source, Expression On);
