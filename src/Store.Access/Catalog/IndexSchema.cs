namespace Store.Access.Catalog;

/// <summary>A scalar B+tree index: its name, table, key columns in order, and uniqueness.</summary>
internal sealed record IndexSchema(string Name, string Table, IReadOnlyList<string> Columns, bool Unique = false);
