namespace Store.Sql.Syntax;

/// <summary><c>SET name = value</c>, where the name may be dotted (<c>hnsw.ef_search</c>).</summary>
internal sealed record SetStatement(string Name, Expression Value, int Line, int Column) : Statement(Line, Column);
