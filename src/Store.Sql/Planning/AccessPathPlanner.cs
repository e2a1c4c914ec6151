using Store.Access.Catalog;
using Store.Sql.Binding;
using Store.Sql.Expressions;
using Store.Sql.Operators;
using Store.Sql.Syntax;

namespace Store.Sql.Planning;

/// <summary>
/// Chooses how to read one table given the WHERE conjuncts that compare its columns with
/// constants: rowid lookup, then index equality (longest prefix, unique first), then rowid
/// range, then index range, else a full scan. The WHERE filter still runs on what the path
/// returns, so a path only has to return every row that could pass.
/// </summary>
internal sealed class AccessPathPlanner(BindingContext context)
{
    private readonly ExpressionBinder _constants = new(Scope.Empty, context);

    public PlanNode Plan(TableInfo table, string alias, IReadOnlyList<IndexInfo> indexes, IEnumerable<Expression> conjuncts)
    {
        var scope = TableColumns.ScopeOf(table.Schema, alias);
        var rowIdPosition = scope.Columns.Count - 1;
        var comparisons = new List<(int Position, BinaryOperator Operator, Expression Value)>();
        foreach (var (column, op, value) in conjuncts.SelectMany(Conjuncts.ColumnComparisons))
        {
            if (column.Table is not null && !string.Equals(column.Table, alias, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!scope.TryResolve(column.Table, column.Name, out var position))
            {
                continue;
            }

            comparisons.Add((position == table.Schema.RowIdAliasIndex ? rowIdPosition : position, op, value));
        }

        if (comparisons.FirstOrDefault(c => c.Position == rowIdPosition && c.Operator == BinaryOperator.Equal) is { Value: { } key })
        {
            return new RowIdLookupNode(table, alias, Bind(key));
        }

        var best = indexes
            .Select(index => (Index: index, Equalities: EqualityPrefix(index, comparisons)))
            .Where(c => c.Equalities.Count > 0)
            .OrderByDescending(c => c.Equalities.Count).ThenByDescending(c => c.Index.Schema.Unique)
            .FirstOrDefault();
        if (best.Index is not null)
        {
            var next = best.Equalities.Count < best.Index.ColumnPositions.Count ? RangeOn(best.Index.ColumnPositions[best.Equalities.Count], comparisons) : null;
            return new IndexScanNode(table, alias, best.Index, best.Equalities, next);
        }

        if (RangeOn(rowIdPosition, comparisons) is { } rowIds)
        {
            return new TableScanNode(table, alias, rowIds);
        }

        foreach (var index in indexes)
        {
            if (RangeOn(index.ColumnPositions[0], comparisons) is { } range)
            {
                return new IndexScanNode(table, alias, index, [], range);
            }
        }

        return new TableScanNode(table, alias, null);
    }

    private List<BoundExpression> EqualityPrefix(IndexInfo index, List<(int Position, BinaryOperator Operator, Expression Value)> comparisons)
    {
        var values = new List<BoundExpression>();
        foreach (var position in index.ColumnPositions)
        {
            var match = comparisons.FirstOrDefault(c => c.Position == position && c.Operator == BinaryOperator.Equal);
            if (match.Value is null)
            {
                break;
            }

            values.Add(Bind(match.Value));
        }

        return values;
    }

    /// <summary>The tightest bounds the conjuncts put on one column (the first lower and first upper bound found).</summary>
    private KeyRange? RangeOn(int position, List<(int Position, BinaryOperator Operator, Expression Value)> comparisons)
    {
        var low = comparisons.FirstOrDefault(c => c.Position == position && c.Operator is BinaryOperator.Greater or BinaryOperator.GreaterOrEqual);
        var high = comparisons.FirstOrDefault(c => c.Position == position && c.Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual);
        if (low.Value is null && high.Value is null)
        {
            return null;
        }

        return new KeyRange(
            low.Value is null ? null : Bind(low.Value), low.Operator == BinaryOperator.GreaterOrEqual,
            high.Value is null ? null : Bind(high.Value), high.Operator == BinaryOperator.LessOrEqual);
    }

    private BoundExpression Bind(Expression constant) => _constants.Bind(constant);
}
