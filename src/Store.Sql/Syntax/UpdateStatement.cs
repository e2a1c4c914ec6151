namespace Store.Sql.Syntax;

/// <summary><c>UPDATE table SET column = value, ... [WHERE condition]</c>.</summary>
internal sealed record UpdateStatement(string Table, IReadOnlyList<Assignment> Assignments, Expression? Where, int Line, int Column)
    : Statement(Line, Column);
