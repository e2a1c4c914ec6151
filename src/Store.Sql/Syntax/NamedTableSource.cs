namespace Store.Sql.Syntax;

/// <summary>A table by name, optionally aliased.</summary>
internal sealed record NamedTableSource(string Name, string? Alias, int Line, int Column) : TableSource(Alias, Line, Column);
