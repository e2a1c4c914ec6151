namespace Store.Sql.Syntax;

/// <summary>
/// <c>CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table [USING method] (columns) [WITH (key = value, ...)]</c>.
/// <see cref="Method"/> is null for a B+tree index.
/// </summary>
internal sealed record CreateIndexStatement(
    string Name,
    string Table,
    string? Method,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IndexOption> Options,
    bool Unique,
    bool IfNotExists,
    int Line,
    int Column) : Statement(Line, Column);
