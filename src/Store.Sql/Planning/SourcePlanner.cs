using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Syntax;

namespace Store.Sql.Planning;

/// <summary>
/// Plans FROM and its joins. The first table is read through the access path the WHERE
/// conjuncts allow; a join whose condition equates a column of the joined table that has a
/// key (its rowid or the first column of an index) with an expression over the rows so far
/// becomes an index join, any other a nested loop.
/// </summary>
internal sealed class SourcePlanner(QueryContext query, BindingContext context)
{
    public PlanNode Plan(TableSource? from, IReadOnlyList<Join> joins, IReadOnlyList<Expression> conjuncts)
    {
        if (from is null)
        {
            return new SingleRowNode();
        }

        var plan = PlanSource(from, conjuncts);
        foreach (var join in joins)
        {
            plan = PlanJoin(plan, join);
        }

        return plan;
    }

    private PlanNode PlanSource(TableSource source, IReadOnlyList<Expression> conjuncts)
    {
        if (source is SubquerySource subquery)
        {
            return new SubqueryNode(new SelectPlanner(query, context).Plan(subquery.Query), subquery.Alias);
        }

        var named = (NamedTableSource)source;
        var table = FindTable(named);
        return new AccessPathPlanner(context).Plan(table, named.Alias ?? table.Schema.Name, query.Catalog.IndexesOf(table.Schema.Name), conjuncts);
    }

    private PlanNode PlanJoin(PlanNode left, Join join)
    {
        if (join.Source is NamedTableSource named)
        {
            var table = FindTable(named);
            var alias = named.Alias ?? table.Schema.Name;
            var right = TableColumns.ScopeOf(table.Schema, alias);
            var condition = new ExpressionBinder(left.Scope.Concat(right), context).Bind(join.On);
            foreach (var conjunct in Conjuncts.Split(join.On).OfType<BinaryExpression>().Where(b => b.Operator == BinaryOperator.Equal))
            {
                if (TryKeyLookup(left.Scope, table, alias, right, conjunct.Left, conjunct.Right, out var index, out var key)
                    || TryKeyLookup(left.Scope, table, alias, right, conjunct.Right, conjunct.Left, out index, out key))
                {
                    return new IndexJoinNode(left, table, alias, index, key!, condition, join.Left);
                }
            }

            return new NestedLoopJoinNode(left, PlanSource(named, []), condition, join.Left);
        }

        var source = PlanSource(join.Source, []);
        return new NestedLoopJoinNode(left, source, new ExpressionBinder(left.Scope.Concat(source.Scope), context).Bind(join.On), join.Left);
    }

    /// <summary>Whether <paramref name="keySide"/> is a keyed column of the joined table and <paramref name="valueSide"/> reads only the rows so far.</summary>
    private bool TryKeyLookup(Scope left, TableInfo table, string alias, Scope right, Expression keySide, Expression valueSide, out IndexInfo? index, out BoundExpression? key)
    {
        index = null;
        key = null;
        if (keySide is not ColumnExpression column
            || (column.Table is not null && !string.Equals(column.Table, alias, StringComparison.OrdinalIgnoreCase))
            || !TryResolve(right, column, out var position)
            || (column.Table is null && TryResolve(left, column, out _)))
        {
            return false;
        }

        var isRowId = position == right.Columns.Count - 1 || position == table.Schema.RowIdAliasIndex;
        index = isRowId ? null : query.Catalog.IndexesOf(table.Schema.Name).FirstOrDefault(i => i.ColumnPositions[0] == position);
        if (!isRowId && index is null)
        {
            return false;
        }

        try
        {
            key = new ExpressionBinder(left, context).Bind(valueSide);
            return true;
        }
        catch (StoreException)
        {
            return false;
        }
    }

    private static bool TryResolve(Scope scope, ColumnExpression column, out int position)
    {
        try
        {
            position = scope.Resolve(column.Table, column.Name);
            return true;
        }
        catch (StoreException)
        {
            position = -1;
            return false;
        }
    }

    private TableInfo FindTable(NamedTableSource named) =>
        query.Catalog.FindTable(named.Name) ?? throw context.Error(StoreErrors.NotFound("table", named.Name), named.Line, named.Column);
}
