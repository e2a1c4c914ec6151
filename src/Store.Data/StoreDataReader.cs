using System.Collections;
using System.Data;
using System.Data.Common;
using Store.Core.Values;
using Store.Engine;

namespace Store.Data;

/// <summary>
/// Reads the result sets of a <see cref="StoreCommand"/>: one per statement that returns rows,
/// running the statements between them as it goes. Values convert through the same path as
/// parameters: a column reads as the CLR type of its declared type (VECTOR as float[], SPARSE as
/// <see cref="Core.Vectors.SparseVector"/>, BOOLEAN as bool), and <see cref="GetFieldValue{T}"/>
/// also gives ReadOnlyMemory&lt;float&gt; and the narrower numeric types. The async methods are the
/// base class's wrappers over these synchronous ones; the engine is synchronous by design.
/// </summary>
public sealed partial class StoreDataReader : DbDataReader
{
    private readonly StoreConnection _connection;
    private readonly IReadOnlyList<PreparedStatement> _statements;
    private readonly IReadOnlyList<StatementParameters> _parameters;
    private readonly CommandBehavior _behavior;
    private int _nextStatement;
    private QueryResult? _result;
    private RowPosition _position;
    private bool _hasRows;
    private int _recordsAffected = -1;
    private bool _closed;

    internal StoreDataReader(StoreConnection connection, IReadOnlyList<PreparedStatement> statements, IReadOnlyList<StatementParameters> parameters, CommandBehavior behavior)
    {
        _connection = connection;
        _statements = statements;
        _parameters = parameters;
        _behavior = behavior;
        NextResult();
    }

    /// <summary>Where the reader stands in the current result set.</summary>
    private enum RowPosition
    {
        BeforeFirst,
        OnRow,
        AfterLast,
    }

    public override int Depth => 0;

    public override int FieldCount => Columns.Count;

    public override bool HasRows => _result is not null && _hasRows;

    public override bool IsClosed => _closed;

    /// <summary>Rows changed by the statements run so far; -1 when none of them was a change.</summary>
    public override int RecordsAffected => _recordsAffected;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    private IReadOnlyList<ResultColumnInfo> Columns => _result?.Columns ?? [];

    public override bool Read()
    {
        ThrowIfClosed();
        if (_result is null)
        {
            return false;
        }

        // The first row was fetched when the result set began (for HasRows and the types of computed columns).
        var onRow = _position switch
        {
            RowPosition.BeforeFirst => _hasRows,
            RowPosition.OnRow => Fetch(_result),
            _ => false,
        };
        _position = onRow ? RowPosition.OnRow : RowPosition.AfterLast;
        return onRow;
    }

    /// <summary>Runs statements up to the next one that returns rows; false when none is left.</summary>
    public override bool NextResult()
    {
        ThrowIfClosed();
        _result?.Dispose();
        _result = null;
        while (_nextStatement < _statements.Count)
        {
            var statement = _statements[_nextStatement];
            var result = Execute(statement, _parameters[_nextStatement]);
            _nextStatement++;
            if (statement.IsQuery)
            {
                _result = result;
                _position = RowPosition.BeforeFirst;
                _hasRows = Fetch(result);
                return true;
            }

            using (result)
            {
                if (result.RowsAffected >= 0)
                {
                    _recordsAffected = Math.Max(_recordsAffected, 0) + result.RowsAffected;
                }
            }
        }

        return false;
    }

    /// <summary>Runs the statements not yet run (as Microsoft.Data.Sqlite does), then releases the rows.</summary>
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            while (NextResult())
            {
            }
        }
        finally
        {
            _result?.Dispose();
            _result = null;
            _closed = true;
            if (_behavior.HasFlag(CommandBehavior.CloseConnection))
            {
                _connection.Close();
            }
        }
    }

    public override string GetName(int ordinal) => Columns[ordinal].Name;

    public override int GetOrdinal(string name)
    {
        var columns = Columns;
        for (var pass = 0; pass < 2; pass++)
        {
            var comparison = pass == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (var i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i].Name, name, comparison))
                {
                    return i;
                }
            }
        }

        throw new IndexOutOfRangeException($"the result has no column named '{name}'");
    }

    /// <summary>The declared type; for a computed column, the type of its value in the current (or first) row.</summary>
    public override string GetDataTypeName(int ordinal) =>
        Columns[ordinal].DeclaredType ?? (SampleValue(ordinal) is { IsNull: false } value ? StoreValueConverter.SqlTypeName(value) : "");

    /// <summary>The declared type's CLR type; for a computed column, that of its value in the current (or first) row, else object.</summary>
    public override Type GetFieldType(int ordinal) =>
        StoreValueConverter.ClrType(Columns[ordinal].DeclaredType)
        ?? (SampleValue(ordinal) is { IsNull: false } value ? StoreValueConverter.NaturalType(value) : typeof(object));

    public override object GetValue(int ordinal)
    {
        var value = Value(ordinal);
        return value.IsNull ? DBNull.Value : StoreValueConverter.FromDbValue(value, GetFieldType(ordinal))!;
    }

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override T GetFieldValue<T>(int ordinal) =>
        typeof(T) == typeof(object) ? (T)GetValue(ordinal) : (T)StoreValueConverter.FromDbValue(Value(ordinal), typeof(T))!;

    public override bool IsDBNull(int ordinal) => Value(ordinal).IsNull;

    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);

    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);

    public override char GetChar(int ordinal) => GetFieldValue<char>(ordinal);

    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);

    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);

    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);

    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);

    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);

    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);

    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        CopyPart(GetFieldValue<byte[]>(ordinal), dataOffset, buffer, bufferOffset, length);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        CopyPart(GetFieldValue<string>(ordinal).AsSpan(), dataOffset, buffer, bufferOffset, length);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <summary>
    /// Copies part of a value as <see cref="IDataRecord.GetBytes"/> and <see cref="IDataRecord.GetChars"/>
    /// do: with no buffer, only the length of the whole value.
    /// </summary>
    private static long CopyPart<T>(ReadOnlySpan<T> source, long dataOffset, T[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null)
        {
            return source.Length;
        }

        var start = (int)Math.Min(dataOffset, source.Length);
        var count = Math.Min(length, source.Length - start);
        source.Slice(start, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    private DbValue Value(int ordinal)
    {
        ThrowIfClosed();
        return _position == RowPosition.OnRow
            ? _result!.Current[ordinal]
            : throw new InvalidOperationException("there is no current row; call Read first");
    }

    /// <summary>The column's value in the current row, or in the first row before Read; null when there is none.</summary>
    private DbValue? SampleValue(int ordinal) =>
        _result is not null && (_position == RowPosition.OnRow || (_position == RowPosition.BeforeFirst && _hasRows))
            ? _result.Current[ordinal]
            : null;

    private QueryResult Execute(PreparedStatement statement, StatementParameters parameters) =>
        StoreDbException.Translate(() => _connection.Session.Execute(statement, parameters));

    private static bool Fetch(QueryResult result) => StoreDbException.Translate(result, static r => r.Read());

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new InvalidOperationException("the reader is closed");
        }
    }
}
