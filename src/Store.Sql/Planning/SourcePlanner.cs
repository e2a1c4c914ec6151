using System.Diagnostics.CodeAnalysis;
using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Operators;
using Store.Sql.Syntax;

namespace Store.Sql.Planning;

/// <summary>
/// Plans FROM and its joins. The first table is read through the access path the WHERE
/// conjuncts allow; a join whose condition equates a column of the joined table that has a
/// key (its rowid or the first column of an index) with an expression over the rows so far
/// becomes an index join. When only the first table has such a key, an inner join that
/// would otherwise scan it whole turns round: the joined table is read (through its own
/// access path) and the first table looked up by key. Any other join is a nested loop.
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
            plan = PlanJoin(plan, join, conjuncts);
        }

        return plan;
    }

    private PlanNode PlanSource(TableSource source, IReadOnlyList<Expression> conjuncts)
    {
        if (source is SubquerySource subquery)
        {
            return new SubqueryNode(new SelectPlanner(query, context).Plan(subquery.Query), subquery.Alias);
        }

        if (source is RerankSource rerank)
        {
            return PlanRerank(rerank);
        }

        var named = (NamedTableSource)source;
        var table = FindTable(named);
        return new AccessPathPlanner(context).Plan(table, named.Alias ?? table.Schema.Name, query.Catalog.BTreeIndexesOf(table.Schema.Name), conjuncts);
    }

    private RerankNode PlanRerank(RerankSource rerank)
    {
        if (rerank.Arguments.Count is not (1 or 2))
        {
            throw context.Error(StoreErrors.InvalidArgument("rerank(model, query, (subquery)) takes a query, or a model and a query, before the subquery"), rerank.Line, rerank.Column);
        }

        // Model and query are one value for the whole list: bound with no columns in scope.
        var constants = new ExpressionBinder(Scope.Empty, context);
        var model = rerank.Arguments.Count == 2 ? constants.Bind(rerank.Arguments[0]) : ModelFunctions.DefaultModelArgument();
        return new RerankNode(new SelectPlanner(query, context).Plan(rerank.Candidates), model, constants.Bind(rerank.Arguments[^1]), rerank.Alias);
    }

    private PlanNode PlanJoin(PlanNode left, Join join, IReadOnlyList<Expression> conjuncts)
    {
        if (join.Source is NamedTableSource named)
        {
            var table = FindTable(named);
            var alias = named.Alias ?? table.Schema.Name;
            var right = TableColumns.ScopeOf(table.Schema, alias);
            var condition = new ExpressionBinder(left.Scope.Concat(right), context).Bind(join.On);
            if (TryKeyLookup(join, left.Scope, table, alias, right, out var index, out var key))
            {
                return new IndexJoinNode(left, table, alias, index, key, condition, join.Left);
            }

            if (!join.Left && left is TableScanNode { IsFullScan: true } scan)
            {
                var outer = PlanSource(named, conjuncts);
                if (TryKeyLookup(join, outer.Scope, scan.Table, scan.Alias, scan.Scope, out index, out key))
                {
                    return new IndexJoinNode(outer, scan.Table, scan.Alias, index, key, condition, isLeftJoin: false, lookupIsLeft: true);
                }
            }

            return new NestedLoopJoinNode(left, PlanSource(named, []), condition, join.Left);
        }

        var source = PlanSource(join.Source, []);
        return new NestedLoopJoinNode(left, source, new ExpressionBinder(left.Scope.Concat(source.Scope), context).Bind(join.On), join.Left);
    }

    /// <summary>Whether an equality in the join condition compares a keyed column of <paramref name="table"/> with an expression over the <paramref name="outer"/> rows only.</summary>
    private bool TryKeyLookup(Join join, Scope outer, TableInfo table, string alias, Scope lookup, out IndexInfo? index, [NotNullWhen(true)] out BoundExpression? key)
    {
        foreach (var equality in Conjuncts.Split(join.On).OfType<BinaryExpression>().Where(b => b.Operator == BinaryOperator.Equal))
        {
            if (TryKeyLookup(outer, table, alias, lookup, equality.Left, equality.Right, out index, out key)
                || TryKeyLookup(outer, table, alias, lookup, equality.Right, equality.Left, out index, out key))
            {
                return true;
            }
        }

        index = null;
        key = null;
        return false;
    }

    private bool TryKeyLookup(Scope outer, TableInfo table, string alias, Scope lookup, Expression keySide, Expression valueSide, out IndexInfo? index, [NotNullWhen(true)] out BoundExpression? key)
    {
        index = null;
        key = null;
        if (keySide is not ColumnExpression column
            || (column.Table is not null && !string.Equals(column.Table, alias, StringComparison.OrdinalIgnoreCase))
            || !lookup.TryResolve(column.Table, column.Name, out var position)
            || (column.Table is null && outer.TryResolve(column.Table, column.Name, out _)))
        {
            return false;
        }

        var isRowId = position == lookup.Columns.Count - 1 || position == table.Schema.RowIdAliasIndex;
        index = isRowId ? null : query.Catalog.BTreeIndexesOf(table.Schema.Name).FirstOrDefault(i => i.ColumnPositions[0] == position);
        if (!isRowId && index is null)
        {
            return false;
        }

        try
        {
            key = new ExpressionBinder(outer, context).Bind(valueSide);
            return true;
        }
        catch (StoreException)
        {
            return false;
        }
    }

    private TableInfo FindTable(NamedTableSource named) =>
        query.Catalog.FindTable(named.Name) ?? throw context.Error(StoreErrors.NotFound("table", named.Name), named.Line, named.Column);
}
