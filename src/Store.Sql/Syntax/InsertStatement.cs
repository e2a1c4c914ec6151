namespace Store.Sql.Syntax;

/// <summary>
/// <c>INSERT INTO table [(columns)] VALUES (...), (...)</c> or <c>INSERT INTO table [(columns)] SELECT ...</c>:
/// exactly one of <see cref="Rows"/> and <see cref="Query"/> is set.
/// </summary>
internal sealed record InsertStatement(
    string Table,
    IReadOnlyList<string>? Columns,
    IReadOnlyList<IReadOnlyList<Expression>>? Rows,
    SelectStatement? Query,
    int Line,
    int Column) : Statement(Line, Column);
