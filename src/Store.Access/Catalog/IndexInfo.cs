using Store.Access.Indexing;

namespace Store.Access.Catalog;

/// <summary>
/// An index as found in the catalog: its schema, root page, key columns' positions in the
/// table, and the table's schema. One is made per catalog state (shared by the transactions
/// that see it), so a method index's options are read once per state, not per query.
/// </summary>
internal sealed record IndexInfo(IndexSchema Schema, uint Root, IReadOnlyList<int> ColumnPositions, TableSchema Table)
{
    private IndexParameters? _parameters;

    /// <summary>An index whose options were just read (CREATE INDEX), so they are not read again.</summary>
    public IndexInfo(IndexSchema schema, uint root, IReadOnlyList<int> columnPositions, TableSchema table, IndexParameters? parameters)
        : this(schema, root, columnPositions, table) => _parameters = parameters;

    /// <summary>The index's method; null for a B+tree index.</summary>
    public IndexMethod? Method => Schema.IsBTree ? null : IndexMethods.Get(Schema.Method);

    /// <summary>
    /// The method's options, read on first use. Two threads may both read them; they get equal
    /// records, and either one is kept.
    /// </summary>
    public IndexParameters Parameters => _parameters ??= (Method ?? throw new InvalidOperationException("a B+tree index has no method parameters")).Parse(Schema, Table);
}
