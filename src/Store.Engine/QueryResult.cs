using Store.Core.Values;
using Store.Storage.Paging;

namespace Store.Engine;

/// <summary>
/// A statement's result: a forward-only cursor over its rows, and for changes the number of
/// rows affected. A query outside an explicit transaction reads lazily from its own snapshot,
/// which it holds until the rows run out or the result is disposed.
/// </summary>
public sealed class QueryResult : IDisposable
{
    private readonly IEnumerator<DbValue[]> _rows;
    private ReadTransaction? _snapshot;
    private DbValue[]? _current;

    internal QueryResult(IReadOnlyList<ResultColumnInfo> columns, IEnumerable<DbValue[]> rows, int rowsAffected, ReadTransaction? snapshot)
    {
        Columns = columns;
        RowsAffected = rowsAffected;
        _rows = rows.GetEnumerator();
        _snapshot = snapshot;
    }

    internal static QueryResult Empty(int rowsAffected = -1) => new([], [], rowsAffected, null);

    public IReadOnlyList<ResultColumnInfo> Columns { get; }

    /// <summary>Rows inserted, updated or deleted; -1 for statements that change no rows.</summary>
    public int RowsAffected { get; }

    /// <summary>The current row's values (valid after <see cref="Read"/> returned true).</summary>
    public IReadOnlyList<DbValue> Current => _current ?? throw new InvalidOperationException("call Read first");

    public DbValue this[int ordinal] => Current[ordinal];

    /// <summary>Moves to the next row; false at the end, which also releases the snapshot.</summary>
    public bool Read()
    {
        if (_rows.MoveNext())
        {
            _current = _rows.Current;
            return true;
        }

        _current = null;
        Dispose();
        return false;
    }

    public void Dispose()
    {
        _rows.Dispose();
        _snapshot?.Dispose();
        _snapshot = null;
    }
}
