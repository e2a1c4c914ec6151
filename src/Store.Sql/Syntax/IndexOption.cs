namespace Store.Sql.Syntax;

/// <summary>One <c>key = value</c> of an index's WITH clause.</summary>
internal sealed record IndexOption(string Key, Expression Value);
