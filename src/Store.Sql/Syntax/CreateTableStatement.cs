namespace Store.Sql.Syntax;

/// <summary><c>CREATE TABLE [IF NOT EXISTS] name (column definitions)</c>.</summary>
internal sealed record CreateTableStatement(string Name, IReadOnlyList<ColumnDefinitionSyntax> Columns, bool IfNotExists, int Line, int Column)
    : Statement(Line, Column);
