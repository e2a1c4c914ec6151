using Store.Core.Values;

namespace Store.Sql.Execution;

/// <summary>
/// What a statement produced: result columns and rows (lazy for queries, so a cursor reads as
/// it goes), and for INSERT, UPDATE and DELETE the number of rows changed (-1 otherwise).
/// </summary>
internal sealed record StatementResult(IReadOnlyList<ResultColumn> Columns, IEnumerable<DbValue[]> Rows, int RowsAffected)
{
    public static StatementResult Done(int rowsAffected = -1) => new([], [], rowsAffected);

    public static StatementResult Listing(string[] columns, IEnumerable<DbValue[]> rows) =>
        new(columns.Select(c => new ResultColumn(c, null)).ToList(), rows, -1);
}
