namespace Store.Sql.Syntax;

/// <summary>One <c>column = value</c> of an UPDATE.</summary>
internal sealed record Assignment(string Column, Expression Value);
