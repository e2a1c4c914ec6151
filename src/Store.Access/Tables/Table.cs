using Store.Access.BTrees;
using Store.Access.Catalog;
using Store.Access.Encoding;
using Store.Access.Indexing;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Access.Tables;

/// <summary>
/// A table's rows in a B+tree keyed by rowid, kept in step with its B+tree and vector indexes. Writes
/// need the transaction to be the write transaction; reads work in any.
/// </summary>
internal sealed class Table
{
    private readonly ReadTransaction _txn;
    private readonly BTree _rows;
    private readonly IReadOnlyList<IndexInfo> _indexes;
    /// <summary>The indexes kept by their methods, opened on the first write: reads (every query that looks rows up) never need them.</summary>
    private readonly Lazy<IReadOnlyList<(IndexInfo Info, IMethodIndex Index)>> _methodIndexes;

    public Table(ReadTransaction txn, DatabaseState state, TableInfo info, IReadOnlyList<IndexInfo> indexes)
    {
        _txn = txn;
        Info = info;
        _rows = new BTree(txn, info.Root);
        _indexes = indexes.Where(i => i.Schema.IsBTree).ToList();
        _methodIndexes = new(() => indexes.Where(i => i.Method is not null)
            .Select(i => (i, i.Method!.Open(new IndexContext(txn, state, i)))).ToList());
    }

    public TableInfo Info { get; }

    public TableSchema Schema => Info.Schema;

    public DbValue[]? Get(long rowId) => _rows.TryGet(KeyCodec.RowIdKey(rowId), RowCodec.Decode, out var row) ? row : null;

    /// <summary>Rows with <paramref name="from"/> &lt;= rowid &lt; <paramref name="to"/>, in rowid order.</summary>
    public IEnumerable<(long RowId, DbValue[] Values)> Scan(long? from = null, long? to = null) =>
        _rows.Scan(from is { } f ? KeyCodec.RowIdKey(f) : null, to is { } t ? KeyCodec.RowIdKey(t) : null,
            static (key, value) => (KeyCodec.DecodeRowId(key), RowCodec.Decode(value)));

    /// <summary>
    /// Every row's rowid and a number computed from its vector column in place (no row is
    /// decoded), in rowid order; rows whose column is NULL are skipped. The exact kNN scan
    /// passes the distance to its query here.
    /// </summary>
    public IEnumerable<(long RowId, double Value)> ScanVectors(int column, VectorFunction compute) =>
        _rows.Scan(null, null, (key, value) =>
            (KeyCodec.DecodeRowId(key), RowCodec.TryGetVector(value, column, out var vector) ? compute(vector) : double.NaN))
            .Where(r => !double.IsNaN(r.Item2));

    /// <summary>Every row's non-NULL vector in one column, in rowid order (to build a vector index).</summary>
    public List<(long RowId, float[] Vector)> Vectors(int column) =>
        _rows.Scan(null, null, (key, value) => (KeyCodec.DecodeRowId(key), RowCodec.TryGetVector(value, column, out var vector) ? vector.ToArray() : null))
            .Where(r => r.Item2 is not null).Select(r => (r.Item1, r.Item2!)).ToList();

    /// <summary>Rowids whose index key starts with <paramref name="values"/>, in index order.</summary>
    public IEnumerable<long> Seek(IndexInfo index, ReadOnlySpan<DbValue> values)
    {
        var prefix = KeyCodec.Prefix(values);
        return new BTree(_txn, index.Root).Scan(prefix, KeyCodec.PrefixEnd(prefix), static (key, _) => KeyCodec.DecodeRowId(key));
    }

    /// <summary>
    /// Rowids whose index key starts with <paramref name="prefix"/> and whose next key column
    /// lies between the bounds (a missing bound is open), in index order.
    /// </summary>
    public IEnumerable<long> SeekRange(IndexInfo index, DbValue[] prefix, DbValue? low, bool lowInclusive, DbValue? high, bool highInclusive)
    {
        var common = KeyCodec.Prefix(prefix);
        var from = low is { } l ? KeyCodec.Prefix([.. prefix, l]) : common;
        if (low is not null && !lowInclusive)
        {
            from = KeyCodec.PrefixEnd(from);
        }

        var to = high is { } h ? KeyCodec.Prefix([.. prefix, h]) : null;
        if (to is not null && highInclusive)
        {
            to = KeyCodec.PrefixEnd(to);
        }

        return new BTree(_txn, index.Root).Scan(from, to ?? KeyCodec.PrefixEnd(common), static (key, _) => KeyCodec.DecodeRowId(key));
    }

    /// <summary>Inserts a row and returns its rowid: the alias column's value, or one past the largest.</summary>
    public long Insert(DbValue[] values)
    {
        Validate(values);
        var alias = Schema.RowIdAliasIndex;
        long rowId;
        if (alias >= 0 && !values[alias].IsNull)
        {
            rowId = values[alias].AsInteger;
        }
        else
        {
            rowId = NextRowId();
            if (alias >= 0)
            {
                values = (DbValue[])values.Clone();
                values[alias] = DbValue.FromInteger(rowId);
            }
        }

        if (_rows.ContainsKey(KeyCodec.RowIdKey(rowId)))
        {
            throw StoreErrors.DuplicateKey($"table '{Schema.Name}'", $"rowid {rowId}");
        }

        var row = EncodeRow(values);
        var entries = PrepareIndexEntries(values, rowId);
        WriteIndexEntries(entries);
        _rows.Put(KeyCodec.RowIdKey(rowId), row);
        foreach (var (_, index) in _methodIndexes.Value)
        {
            index.Insert(rowId, values);
        }

        return rowId;
    }

    /// <summary>Replaces a row's values; returns false when there is no such row.</summary>
    public bool Update(long rowId, DbValue[] values)
    {
        Validate(values);
        var old = Get(rowId);
        if (old is null)
        {
            return false;
        }

        var alias = Schema.RowIdAliasIndex;
        if (alias >= 0 && (values[alias].IsNull || values[alias].AsInteger != rowId))
        {
            throw StoreErrors.InvalidArgument($"the rowid of table '{Schema.Name}' cannot change in an update");
        }

        var row = EncodeRow(values);
        var entries = PrepareIndexEntries(values, rowId);
        RemoveIndexEntries(old, rowId);
        WriteIndexEntries(entries);
        _rows.Put(KeyCodec.RowIdKey(rowId), row);
        foreach (var (_, index) in _methodIndexes.Value.Where(m => m.Info.ColumnPositions.Any(c => !values[c].Equals(old[c]))))
        {
            index.Delete(rowId, old);
            index.Insert(rowId, values);
        }

        return true;
    }

    public bool Delete(long rowId)
    {
        var old = Get(rowId);
        if (old is null)
        {
            return false;
        }

        RemoveIndexEntries(old, rowId);
        _rows.Delete(KeyCodec.RowIdKey(rowId));
        foreach (var (_, index) in _methodIndexes.Value)
        {
            index.Delete(rowId, old);
        }

        return true;
    }

    /// <summary>Adds every existing row to a new, empty index.</summary>
    internal void Backfill(IndexInfo index)
    {
        var rows = Scan().ToList();
        foreach (var (rowId, values) in rows)
        {
            WriteIndexEntries([PrepareIndexEntry(index, values, rowId)]);
        }
    }

    /// <summary>The index key a row has in <paramref name="index"/>.</summary>
    internal static byte[] IndexKey(IndexInfo index, DbValue[] values, long rowId) =>
        KeyCodec.IndexKey(KeyValues(index, values), rowId);

    private static DbValue[] KeyValues(IndexInfo index, DbValue[] values) =>
        index.ColumnPositions.Select(p => values[p]).ToArray();

    /// <summary>Encodes and size-checks a row before anything is written for it.</summary>
    private static byte[] EncodeRow(DbValue[] values)
    {
        var row = RowCodec.Encode(values);
        return row.Length <= BTree.MaxValueSize ? row : throw StoreErrors.TooLarge("row", row.Length, BTree.MaxValueSize);
    }

    private long NextRowId()
    {
        if (!_rows.TryGetLastKey(out var last))
        {
            return 1;
        }

        var max = KeyCodec.DecodeRowId(last);
        return max < long.MaxValue ? Math.Max(max + 1, 1) : throw StoreErrors.TooLarge("rowid", long.MaxValue, long.MaxValue);
    }

    private void Validate(DbValue[] values)
    {
        if (values.Length != Schema.Columns.Count)
        {
            throw StoreErrors.InvalidArgument($"table '{Schema.Name}' has {Schema.Columns.Count} columns but {values.Length} values were given");
        }

        for (var i = 0; i < values.Length; i++)
        {
            var column = Schema.Columns[i];
            if (column.NotNull && values[i].IsNull && !column.IsRowIdAlias)
            {
                throw StoreErrors.NotNullViolation(Schema.Name, column.Name);
            }

            if (column.IsRowIdAlias && values[i].Kind is not (DbValueKind.Null or DbValueKind.Integer))
            {
                throw StoreErrors.TypeMismatch($"{Schema.Name}.{column.Name} is the rowid and must be an integer");
            }
        }
    }

    /// <summary>
    /// Every check an index write can fail (key size, uniqueness) runs here, before anything is
    /// written, so a rejected row leaves the table and its indexes as they were.
    /// </summary>
    private List<(IndexInfo Index, byte[] Key)> PrepareIndexEntries(DbValue[] values, long rowId) =>
        _indexes.Select(index => PrepareIndexEntry(index, values, rowId)).ToList();

    private (IndexInfo Index, byte[] Key) PrepareIndexEntry(IndexInfo index, DbValue[] values, long rowId)
    {
        var keyValues = KeyValues(index, values);
        var key = KeyCodec.IndexKey(keyValues, rowId);
        var maxKey = BTree.MaxKeySize(_txn.PageSize);
        if (key.Length > maxKey)
        {
            throw StoreErrors.TooLarge($"key of index '{index.Schema.Name}'", key.Length, maxKey);
        }

        if (index.Schema.Unique && !keyValues.Any(KeyCodec.IsNullKey) && Seek(index, keyValues).Any(other => other != rowId))
        {
            throw StoreErrors.DuplicateKey($"unique index '{index.Schema.Name}'", "(" + string.Join(", ", keyValues) + ")");
        }

        return (index, key);
    }

    private void WriteIndexEntries(List<(IndexInfo Index, byte[] Key)> entries)
    {
        foreach (var (index, key) in entries)
        {
            new BTree(_txn, index.Root).Put(key, []);
        }
    }

    private void RemoveIndexEntries(DbValue[] values, long rowId)
    {
        foreach (var index in _indexes)
        {
            new BTree(_txn, index.Root).Delete(IndexKey(index, values, rowId));
        }
    }
}
