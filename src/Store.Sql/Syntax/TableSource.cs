namespace Store.Sql.Syntax;

/// <summary>Something rows come from in FROM or JOIN.</summary>
internal abstract record TableSource(string? Alias, int Line, int Column);
