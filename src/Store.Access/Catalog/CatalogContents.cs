namespace Store.Access.Catalog;

/// <summary>
/// One state of the catalog, read once and never changed: its entries by normalised name and
/// the tables and indexes they describe, so the many lookups of planning a statement decode
/// nothing. Shared by every transaction that sees the same schema cookie.
/// </summary>
internal sealed class CatalogContents
{
    private readonly Lazy<IReadOnlyList<TableInfo>> _tables;
    private readonly Lazy<IReadOnlyList<IndexInfo>> _indexes;
    private readonly Lazy<IReadOnlyList<ModelSchema>> _models;

    public CatalogContents(IEnumerable<CatalogEntry> entries, Func<CatalogContents, IReadOnlyList<IndexInfo>> indexes)
    {
        Entries = entries.ToDictionary(e => CatalogEntry.Normalize(e.Name), StringComparer.Ordinal);
        _tables = new(() => Entries.Values.Where(e => e.Kind == CatalogEntry.TableKind).Select(e => new TableInfo(e.ToTableSchema(), e.Root)).ToList());
        _indexes = new(() => indexes(this));
        _models = new(() => Entries.Values.Where(e => e.Kind == CatalogEntry.ModelKind).Select(e => e.ToModelSchema()).ToList());
    }

    /// <summary>Entries by normalised name, in name order.</summary>
    public IReadOnlyDictionary<string, CatalogEntry> Entries { get; }

    public IReadOnlyList<TableInfo> Tables => _tables.Value;

    public IReadOnlyList<IndexInfo> Indexes => _indexes.Value;

    public IReadOnlyList<ModelSchema> Models => _models.Value;

    public TableInfo? FindTable(string name) =>
        Entries.GetValueOrDefault(CatalogEntry.Normalize(name)) is { Kind: CatalogEntry.TableKind } entry
            ? Tables.First(t => t.Root == entry.Root)
            : null;
}
