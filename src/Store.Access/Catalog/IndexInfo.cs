namespace Store.Access.Catalog;

/// <summary>An index as found in the catalog: its schema, root page, and key columns' positions in the table.</summary>
internal sealed record IndexInfo(IndexSchema Schema, uint Root, IReadOnlyList<int> ColumnPositions);
