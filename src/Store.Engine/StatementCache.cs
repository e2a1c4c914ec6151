namespace Store.Engine;

/// <summary>
/// The statements a session parsed recently, by their text, so that running the same SQL again
/// skips the parser (about 20-100 microseconds a statement). Prepared statements are immutable,
/// so sharing them is safe; binding and planning still happen at each run, against the schema
/// of that moment. Bounded: when full it starts over, which keeps it simple and small.
/// </summary>
internal sealed class StatementCache
{
    private const int Capacity = 256;
    private const int MaxTextLength = 16 * 1024;
    private readonly Dictionary<string, IReadOnlyList<PreparedStatement>> _entries = new(StringComparer.Ordinal);

    public IReadOnlyList<PreparedStatement> GetOrAdd(string sql, Func<string, IReadOnlyList<PreparedStatement>> parse)
    {
        if (_entries.TryGetValue(sql, out var cached))
        {
            return cached;
        }

        var statements = parse(sql);
        if (sql.Length <= MaxTextLength)
        {
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[sql] = statements;
        }

        return statements;
    }
}
