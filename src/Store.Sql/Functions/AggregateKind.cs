namespace Store.Sql.Functions;

/// <summary>
/// The aggregate functions. <see cref="AnyValue"/> is not callable by name: it carries a bare
/// column of a grouped query, which SQLite allows and fills from one row of the group.
/// </summary>
internal enum AggregateKind
{
    CountRows,
    Count,
    Sum,
    Avg,
    Min,
    Max,
    AnyValue,
}
