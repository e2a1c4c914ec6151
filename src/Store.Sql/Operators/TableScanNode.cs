using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;

namespace Store.Sql.Operators;

/// <summary>Reads a table in rowid order, whole or over a rowid range.</summary>
internal sealed class TableScanNode(TableInfo table, string alias, KeyRange? range) : PlanNode
{
    public override Scope Scope { get; } = TableColumns.ScopeOf(table.Schema, alias);

    public TableInfo Table => table;

    public string Alias => alias;

    /// <summary>Whether every row is read, so another way into the table costs nothing extra.</summary>
    public bool IsFullScan => range is null;

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        long? start = null, end = null;
        if (range?.Low is { } low && !RowIdBounds.TryStart(low.Evaluate([], context.Evaluation), range.LowInclusive, out start))
        {
            return [];
        }

        if (range?.High is { } high && !RowIdBounds.TryEnd(high.Evaluate([], context.Evaluation), range.HighInclusive, out end))
        {
            return [];
        }

        if (start is { } s && end is { } e && s >= e)
        {
            return [];
        }

        return context.Catalog.OpenTable(table.Schema.Name).Scan(start, end).Select(r => TableColumns.WithRowId(r.Values, r.RowId));
    }

    public override string Describe(QueryContext context) =>
        range is null ? $"scan table {table.Schema.Name}{AliasText(table, alias)}" : $"range scan table {table.Schema.Name}{AliasText(table, alias)} by rowid {range}";

    public static string AliasText(TableInfo table, string alias) =>
        string.Equals(table.Schema.Name, alias, StringComparison.OrdinalIgnoreCase) ? "" : $" as {alias}";
}
