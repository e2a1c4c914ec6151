using Store.Access.BTrees;
using Store.Access.Indexing;
using Store.Access.Tables;
using Store.Access.Vectors;
using Store.Core.Errors;
using Store.Storage.Paging;

namespace Store.Access.Catalog;

/// <summary>
/// The catalog: a B+tree (root in header slot <see cref="RootSlot"/>) of
/// <see cref="CatalogEntry"/> rows naming every table and index with its root page, and every
/// model registered with CREATE MODEL. Created
/// by the first write that needs it; a database without it has no tables. What it reads of
/// committed state, and the indexes it opens, it shares through the database's
/// <see cref="DatabaseState"/>.
/// </summary>
internal sealed partial class SystemCatalog(ReadTransaction txn, DatabaseState state)
{
    public const int RootSlot = 0;

    /// <summary>The header slot of the schema cookie: a counter every catalog change increments, so equal cookies mean equal catalogs.</summary>
    public const int SchemaCookieSlot = 7;

    /// <summary>The catalog as read, and the cookie it was read at (a savepoint rollback may move the cookie back).</summary>
    private (uint Cookie, CatalogContents Contents)? _read;

    /// <summary>The schema cookie this transaction sees: equal cookies, equal committed schemas.</summary>
    public uint SchemaCookie => txn.GetRoot(SchemaCookieSlot);

    public IReadOnlyList<TableInfo> Tables() => Loaded().Tables;

    public IReadOnlyList<IndexInfo> Indexes() => Loaded().Indexes;

    /// <summary>Every index of a table, B+tree and vector.</summary>
    public IReadOnlyList<IndexInfo> IndexesOf(string table) =>
        Indexes().Where(i => CatalogEntry.SameName(i.Schema.Table, table)).ToList();

    /// <summary>A table's scalar B+tree indexes: the ones access paths, joins and key checks use.</summary>
    public IReadOnlyList<IndexInfo> BTreeIndexesOf(string table) => IndexesOf(table).Where(i => i.Schema.IsBTree).ToList();

    /// <summary>A table's indexes that answer a query shape (such as a nearest-neighbour search).</summary>
    public IReadOnlyList<IndexInfo> IndexesServing(string table, QueryShape shape) =>
        IndexesOf(table).Where(i => i.Method?.QueryShapes.Contains(shape) == true).ToList();

    /// <summary>A table's vector indexes: the nearest-neighbour searches over a VECTOR column.</summary>
    public IReadOnlyList<IndexInfo> VectorIndexesOf(string table) => IndexesOf(table).Where(static i => i.Method is VectorIndexMethod).ToList();

    /// <summary>A method index for searching (and, in a write transaction, changing) in this transaction.</summary>
    public IMethodIndex OpenIndex(IndexInfo index) =>
        (index.Method ?? throw new InvalidOperationException($"B+tree index {index.Schema.Name} is read through its table")).Open(new IndexContext(txn, state, index));

    /// <summary>A vector index (one whose method answers nearest-neighbour searches), opened as <see cref="OpenIndex"/> does.</summary>
    public IVectorIndex OpenVectorIndex(IndexInfo index) =>
        (index.Method as VectorIndexMethod ?? throw new InvalidOperationException($"index {index.Schema.Name} is not a vector index")).Open(new IndexContext(txn, state, index));

    public TableInfo? FindTable(string name) => Loaded().FindTable(name);

    public TableInfo GetTable(string name) => FindTable(name) ?? throw StoreErrors.NotFound("table", name);

    /// <summary>Opens a table with its indexes for reading or, in a write transaction, writing.</summary>
    public Table OpenTable(string name) => new(txn, state, GetTable(name), IndexesOf(name));

    public TableInfo CreateTable(TableSchema schema)
    {
        if (schema.Columns.Count == 0)
        {
            throw StoreErrors.InvalidArgument($"table '{schema.Name}' needs at least one column");
        }

        if (schema.Columns.Count(c => c.IsRowIdAlias) > 1)
        {
            throw StoreErrors.InvalidArgument($"table '{schema.Name}' has more than one rowid alias column");
        }

        var duplicate = schema.Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw StoreErrors.AlreadyExists("column", duplicate.Key);
        }

        ThrowIfNameTooLong(schema.Name);
        var tree = EnsureTree();
        ThrowIfNameTaken(tree, schema.Name);
        var root = BTree.Create(Writer);
        tree.Put(CatalogEntry.KeyFor(schema.Name), CatalogEntry.ForTable(schema, root).Encode());
        Changed();
        return new TableInfo(schema, root);
    }

    public void DropTable(string name)
    {
        var table = GetTable(name);
        foreach (var index in IndexesOf(name))
        {
            DropIndex(index.Schema.Name);
        }

        new BTree(txn, table.Root).Drop();
        EnsureTree().Delete(CatalogEntry.KeyFor(name));
        Changed();
    }

    /// <summary>
    /// Creates an index (a B+tree, or an HNSW graph in a B+tree) and fills it from the table's rows. Everything that can fail is
    /// checked, and the index filled, before the catalog names it; a failed fill frees its pages.
    /// </summary>
    public IndexInfo CreateIndex(IndexSchema schema)
    {
        var table = GetTable(schema.Table);
        var method = schema.IsBTree ? null : IndexMethods.Get(schema.Method);
        var parameters = method?.Parse(schema, table.Schema);
        if (schema.Columns.Count == 0)
        {
            throw StoreErrors.InvalidArgument($"index '{schema.Name}' needs at least one column");
        }

        ThrowIfNameTooLong(schema.Name);
        var positions = ColumnPositions(table.Schema, schema.Columns);
        var tree = EnsureTree();
        ThrowIfNameTaken(tree, schema.Name);
        var root = BTree.Create(Writer);
        var entry = CatalogEntry.ForIndex(schema with { Table = table.Schema.Name, Method = schema.Method.ToLowerInvariant() }, root);
        var index = new IndexInfo(entry.ToIndexSchema(), root, positions, table.Schema, parameters);
        try
        {
            if (method is null)
            {
                new Table(txn, state, table, [index]).Backfill(index);
            }
            else
            {
                method.Build(new IndexContext(Writer, state, index), new Table(txn, state, table, []));
            }
        }
        catch (StoreException)
        {
            new BTree(txn, root).Drop();
            throw;
        }

        tree.Put(CatalogEntry.KeyFor(schema.Name), entry.Encode());
        Changed();
        return index;
    }

    public void DropIndex(string name)
    {
        if (Find(name) is not { Kind: CatalogEntry.IndexKind } entry)
        {
            throw StoreErrors.NotFound("index", name);
        }

        new BTree(txn, entry.Root).Drop();
        EnsureTree().Delete(CatalogEntry.KeyFor(name));
        Changed();
    }

    /// <summary>
    /// Rebuilds an index from its table's rows, or every index of a table, or with no name
    /// every index in the database. A rebuilt vector index holds only live
    /// rows: the tombstones that deletes and updates leave in an HNSW graph are gone, as are IVF
    /// lists trained on rows since changed (the centroids are trained again). Inside the caller's
    /// transaction, so a failure or a rollback keeps the old indexes.
    /// </summary>
    public void Reindex(string? name)
    {
        var indexes = name is null ? Indexes()
            : FindTable(name) is { } table ? IndexesOf(table.Schema.Name)
            : Find(name) is { Kind: CatalogEntry.IndexKind } ? Indexes().Where(i => CatalogEntry.SameName(i.Schema.Name, name)).ToList()
            : throw StoreErrors.NotFound("table or index", name);

        // A list taken before the loop: each drop and create changes the catalog the lists were read from.
        foreach (var index in indexes.ToList())
        {
            DropIndex(index.Schema.Name);
            CreateIndex(index.Schema);
        }
    }

    /// <summary>Every catalog entry, in name order, for listings and the integrity check.</summary>
    public IEnumerable<CatalogEntry> Entries() => Loaded().Entries.Values;

    private WriteTransaction Writer => txn as WriteTransaction ?? throw StoreErrors.ReadOnlyTransaction();

    private CatalogEntry? Find(string name) => Loaded().Entries.GetValueOrDefault(CatalogEntry.Normalize(name));

    /// <summary>
    /// The entries, from the database's shared copy when its cookie matches. Only transactions
    /// that see committed state fill the shared copy: a rolled-back writer's cookie may be
    /// reused by the next writer for a different catalog.
    /// </summary>
    private CatalogContents Loaded()
    {
        var cookie = SchemaCookie;
        if (_read is { } read && read.Cookie == cookie)
        {
            return read.Contents;
        }

        if (state.Catalog.TryGet(cookie, out var committed))
        {
            _read = (cookie, committed);
            return committed;
        }

        var root = txn.GetRoot(RootSlot);
        var entries = root == 0 ? [] : new BTree(txn, root).Scan().Select(e => CatalogEntry.Decode(e.Value)).ToList();
        var contents = new CatalogContents(entries, c => c.Entries.Values.Where(e => e.Kind == CatalogEntry.IndexKind).Select(e => ToIndexInfo(c, e)).ToList());
        _read = (cookie, contents);
        if (txn is not WriteTransaction)
        {
            state.Catalog.Keep(cookie, contents);
        }

        return contents;
    }

    /// <summary>Forgets the entries read and moves the cookie on, after a change to the catalog tree.</summary>
    private void Changed()
    {
        _read = null;
        Writer.SetRoot(SchemaCookieSlot, unchecked(txn.GetRoot(SchemaCookieSlot) + 1));
    }

    private static IndexInfo ToIndexInfo(CatalogContents contents, CatalogEntry entry)
    {
        var schema = entry.ToIndexSchema();
        var table = contents.FindTable(schema.Table) ?? throw StoreErrors.Corruption(entry.Root, $"index '{schema.Name}' names missing table '{schema.Table}'");
        return new IndexInfo(schema, entry.Root, ColumnPositions(table.Schema, schema.Columns), table.Schema);
    }

    private static List<int> ColumnPositions(TableSchema table, IReadOnlyList<string> columns) =>
        columns.Select(c =>
        {
            var position = table.ColumnIndex(c);
            return position >= 0 ? position : throw StoreErrors.NotFound("column", $"{table.Name}.{c}");
        }).ToList();

    private void ThrowIfNameTooLong(string name)
    {
        var length = CatalogEntry.KeyFor(name).Length;
        var limit = BTree.MaxKeySize(txn.PageSize);
        if (length > limit)
        {
            throw StoreErrors.TooLarge($"name '{name[..Math.Min(name.Length, 40)]}...'", length, limit);
        }
    }

    private BTree EnsureTree()
    {
        var root = txn.GetRoot(RootSlot);
        if (root == 0)
        {
            root = BTree.Create(Writer);
            Writer.SetRoot(RootSlot, root);
        }

        return new BTree(txn, root);
    }

    private static void ThrowIfNameTaken(BTree tree, string name)
    {
        if (tree.TryGet(CatalogEntry.KeyFor(name), out var stored))
        {
            throw StoreErrors.AlreadyExists(CatalogEntry.Decode(stored).Kind, name);
        }
    }
}
