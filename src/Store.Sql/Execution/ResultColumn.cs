namespace Store.Sql.Execution;

/// <summary>A column of a statement's result: its name and, when it is a stored column, its declared type.</summary>
internal sealed record ResultColumn(string Name, string? DeclaredType);
