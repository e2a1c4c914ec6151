using Store.Access.Indexing;

namespace Store.Access.Catalog;

/// <summary>
/// An index as found in the catalog: its schema, root page, key columns' positions in the
/// table, and the table's schema. One is made per catalog state (shared by the transactions
/// that see it), so a method index's options are read once per state, not per query. A class,
/// not a record: it caches what it parsed, which equality must not see.
/// </summary>
internal sealed class IndexInfo(IndexSchema schema, uint root, IReadOnlyList<int> columnPositions, TableSchema table, IndexParameters? parameters = null)
{
    private IndexParameters? _parameters = parameters;

    public IndexSchema Schema { get; } = schema;

    public uint Root { get; } = root;

    public IReadOnlyList<int> ColumnPositions { get; } = columnPositions;

    public TableSchema Table { get; } = table;

    /// <summary>The index's method; null for a B+tree index.</summary>
    public IndexMethod? Method => Schema.IsBTree ? null : IndexMethods.Get(Schema.Method);

    /// <summary>
    /// The method's options (passed in when the index was just created, else read on first
    /// use). Two threads may both read them; they get equal records, and either one is kept.
    /// </summary>
    public IndexParameters Parameters => _parameters ??= (Method ?? throw new InvalidOperationException("a B+tree index has no method parameters")).Parse(Schema, Table);
}
