namespace Store.Sql.Syntax;

/// <summary>A parenthesised SELECT in FROM, with its alias.</summary>
internal sealed record SubquerySource(SelectStatement Query, string? Alias, int Line, int Column) : TableSource(Alias, Line, Column);
