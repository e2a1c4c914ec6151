namespace Store.Access.Catalog;

/// <summary>A table as found in the catalog: its schema and the root page of its row tree.</summary>
internal sealed record TableInfo(TableSchema Schema, uint Root);
