using Store.Access.Indexing;
using Store.Access.Vectors;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Core.Vectors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Functions;
using Store.Sql.Operators;
using Store.Sql.Syntax;

namespace Store.Sql.Planning;

/// <summary>
/// Plans a SELECT: sources and joins, WHERE, grouping and HAVING, the select list with any
/// ORDER BY keys it lacks as hidden columns, DISTINCT, ordering (a bounded top-k when there is
/// a LIMIT, an exact nearest-neighbour scan when the first key is a distance, a bm25 index search
/// when it is bm25() descending), LIMIT / OFFSET.
/// </summary>
internal sealed class SelectPlanner(QueryContext query, BindingContext context)
{
    public PlanNode Plan(SelectStatement select)
    {
        // A nearest-neighbour or text search returns its rows in order, filtered: it replaces the scan, the filter and the top-k.
        var nearest = NearestNeighbourScan(select) ?? TextSearchScan(select);
        var source = nearest ?? new SourcePlanner(query, context).Plan(select.From, select.Joins, Conjuncts.Split(select.Where).ToList());
        if (select.Where is not null && nearest is null)
        {
            source = new FilterNode(source, new ExpressionBinder(source.Scope, context).Bind(select.Where));
        }

        var items = ExpandStars(select.Items, source.Scope);
        var grouping = IsGrouped(select, items) ? new GroupingBinder(source.Scope, context, GroupKeys(select, items)) : null;
        grouping?.BindKeys();
        var binder = new ExpressionBinder(source.Scope, context, grouping);

        var outputs = items.Select(i => binder.Bind(i.Expression)).ToList();
        var names = items.Select(i => i.Name).ToList();
        var having = select.Having is null ? null : binder.Bind(select.Having);
        var keys = new List<SortKey>();
        var knn = false;
        // A nearest-neighbour search already returns its rows in order: no sort keys to compute.
        foreach (var (term, index) in nearest is null ? select.OrderBy.Select((t, i) => (t, i)) : [])
        {
            var target = OrderTarget(term.Expression, items);
            var ordinal = target >= 0 ? target : outputs.Count;
            if (target < 0)
            {
                outputs.Add(binder.Bind(term.Expression));
                names.Add(SyntaxText.Of(term.Expression));
            }

            var expression = target >= 0 ? items[target].Expression : term.Expression;
            knn |= index == 0 && !term.Descending && IsDistance(expression);
            keys.Add(new SortKey(ordinal, term.Descending, SyntaxText.Of(term.Expression)));
        }

        if (grouping is not null)
        {
            source = new AggregateNode(source, grouping.Keys, grouping.Aggregates, grouping.OutputScope);
            if (having is not null)
            {
                source = new FilterNode(source, having);
            }
        }
        else if (having is not null)
        {
            throw context.Error(StoreErrors.NotSupported("HAVING needs GROUP BY or an aggregate"), select.Having!.Line, select.Having.Column);
        }

        var scope = new Scope(names.Select((n, i) => new ScopeColumn(null, n, i < items.Count ? items[i].Type : null, Hidden: i >= items.Count)).ToList());
        PlanNode plan = new ProjectNode(source, outputs, scope, binder.ModelCalls);
        if (select.Distinct)
        {
            plan = new DistinctNode(plan, items.Count);
        }

        var limit = select.Limit is null ? null : new ExpressionBinder(Scope.Empty, context).Bind(select.Limit);
        var offset = select.Offset is null ? null : new ExpressionBinder(Scope.Empty, context).Bind(select.Offset);
        if (keys.Count > 0 && nearest is null)
        {
            plan = limit is null ? new SortNode(plan, keys, knn) : new TopKNode(plan, keys, limit, offset, knn);
        }

        if (limit is not null || offset is not null)
        {
            plan = new LimitNode(plan, limit, offset);
        }

        if (outputs.Count > items.Count)
        {
            plan = new ProjectNode(plan, items.Select((item, i) => (BoundExpression)new ColumnNode(i, item.Name)).ToList(), new Scope(scope.Columns.Take(items.Count).ToList()));
        }

        return plan;
    }

    /// <summary>
    /// A nearest-neighbour search, when the query is a plain top-k by one distance between a
    /// VECTOR column of one table and a constant: no join, grouping or DISTINCT, one ascending
    /// ORDER BY key, a LIMIT. Through a vector index on the column with the same metric if there
    /// is one, else the exact scan. It replaces the scan, the filter and the top-k; null otherwise.
    /// </summary>
    private PlanNode? NearestNeighbourScan(SelectStatement select)
    {
        if (TopKOverOneTable(select, descending: false) is not var (table, alias, scope, items, key)
            || !TryDistance(key, out var metric, out var column, out var constant))
        {
            return null;
        }

        var position = scope.Columns.ToList().FindIndex(c => !c.Hidden && string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
        if (!Names(column, alias) || position < 0 || scope.Columns[position].Type?.Type != SqlType.Vector)
        {
            return null;
        }

        var constants = new ExpressionBinder(Scope.Empty, context);
        var (queryVector, limit, offset) = (constants.Bind(constant), constants.Bind(select.Limit!), select.Offset is null ? null : constants.Bind(select.Offset));
        var filter = select.Where is null ? null : new ExpressionBinder(scope, context).Bind(select.Where);
        var exact = new NearestNeighbourScanNode(table, alias, position, metric, queryVector, filter, limit, offset);
        var index = query.Catalog.IndexesServing(table.Schema.Name, QueryShape.NearestByDistance)
            .Where(i => i.Method is VectorIndexMethod && i.ColumnPositions[0] == position)
            .Select(i => (Info: i, Index: query.Catalog.OpenVectorIndex(i)))
            .FirstOrDefault(i => i.Index.Metric == metric);
        if (index.Info is null)
        {
            return exact;
        }

        var prefilter = select.Where is null ? null
            : new AccessPathPlanner(context).Plan(table, alias, query.Catalog.BTreeIndexesOf(table.Schema.Name), Conjuncts.Split(select.Where).ToList());
        var indexOnly = filter is null && index.Index.DistancesAreExact && items.All(i => ReadsOnlyRowId(i.Expression, scope, table.Schema));
        return new VectorIndexSearchNode(
            exact, index.Info, position, metric, queryVector, filter, prefilter is TableScanNode { IsFullScan: true } ? null : prefilter,
            limit, offset, ((VectorIndexMethod)index.Info.Method!).Breadth, indexOnly);
    }

    /// <summary>
    /// A bm25 search, when the query is a plain top-k by <c>bm25(columns..., constant)</c>
    /// descending over one table (shaped as for <see cref="NearestNeighbourScan"/>); a typed error
    /// when no bm25 index is on those columns; null otherwise.
    /// </summary>
    private Bm25SearchNode? TextSearchScan(SelectStatement select)
    {
        if (TopKOverOneTable(select, descending: true) is not var (table, alias, scope, _, key)
            || key is not FunctionCallExpression call || !TextSearch.IsScoreCall(call) || !Conjuncts.IsConstant(call.Arguments[^1])
            || call.Arguments.SkipLast(1).Any(a => a is not ColumnExpression c || !Names(c, alias) || !scope.TryResolve(null, c.Name, out _)))
        {
            return null;
        }

        var columns = call.Arguments.SkipLast(1).Cast<ColumnExpression>().Select(c => c.Name).ToList();
        var index = context.At(call, () => TextSearch.Find(query.Catalog, table.Schema.Name, columns));
        // A MATCH of the searched query on the searched column holds for exactly the rows the
        // search scores above 0, so the search answers it without analyzing each row's text again.
        var conjuncts = Conjuncts.Split(select.Where).ToList();
        var matched = columns.Count == 1 && conjuncts.RemoveAll(c => c is MatchExpression { Operand: ColumnExpression m } match
            && string.Equals(m.Name, columns[0], StringComparison.OrdinalIgnoreCase) && Names(m, alias)
            && SyntaxText.Of(match.Query) == SyntaxText.Of(call.Arguments[^1])) > 0;
        var filter = conjuncts.Count == 0 ? null
            : new ExpressionBinder(scope, context).Bind(conjuncts.Aggregate((a, b) => new BinaryExpression(BinaryOperator.And, a, b, a.Line, a.Column)));
        var constants = new ExpressionBinder(Scope.Empty, context);
        return new Bm25SearchNode(
            table, alias, index, constants.Bind(call.Arguments[^1]), filter, matched, constants.Bind(select.Limit!), select.Offset is null ? null : constants.Bind(select.Offset));
    }

    /// <summary>
    /// The one table, select list and ORDER BY key of a plain top-k (one table, no join,
    /// grouping or DISTINCT, one ORDER BY key in the given direction, a LIMIT), the shape an
    /// index search replaces; null for any other query.
    /// </summary>
    private (Access.Catalog.TableInfo Table, string Alias, Scope Scope, List<OutputItem> Items, Expression Key)? TopKOverOneTable(SelectStatement select, bool descending)
    {
        if (select is not { From: NamedTableSource named, Joins.Count: 0, Distinct: false, GroupBy.Count: 0, Having: null, OrderBy.Count: 1, Limit: not null }
            || select.OrderBy[0].Descending != descending
            || query.Catalog.FindTable(named.Name) is not { } table)
        {
            return null;
        }

        var alias = named.Alias ?? table.Schema.Name;
        var scope = TableColumns.ScopeOf(table.Schema, alias);
        var items = ExpandStars(select.Items, scope);
        if (IsGrouped(select, items))
        {
            return null;
        }

        var order = select.OrderBy[0].Expression;
        return (table, alias, scope, items, OrderTarget(order, items) is var target and >= 0 ? items[target].Expression : order);
    }

    /// <summary>Whether a column reference can name a column of the table under <paramref name="alias"/> (unqualified, or qualified by it).</summary>
    private static bool Names(ColumnExpression column, string alias) =>
        column.Table is null || string.Equals(column.Table, alias, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an expression reads no column but the rowid or the column that aliases it, so an index's row ids answer it.</summary>
    private static bool ReadsOnlyRowId(Expression expression, Scope scope, Access.Catalog.TableSchema schema) =>
        SyntaxWalker.Descendants(expression).OfType<ColumnExpression>().All(c =>
            scope.TryResolve(c.Table, c.Name, out var position) && (position == scope.Columns.Count - 1 || position == schema.RowIdAliasIndex));

    /// <summary>Whether an expression is a distance between a column and a constant, and which.</summary>
    private static bool TryDistance(Expression expression, out VectorMetric metric, out ColumnExpression column, out Expression constant)
    {
        (metric, column, constant) = (default, null!, null!);
        (DistanceOperator? distance, Expression? left, Expression? right) = expression switch
        {
            BinaryExpression b => (DistanceOperator.Of(b.Operator), b.Left, b.Right),
            FunctionCallExpression { Arguments.Count: 2 } f => (DistanceOperator.OfFunction(f.Name), f.Arguments[0], f.Arguments[1]),
            _ => (null, null, null),
        };
        if (distance is null)
        {
            return false;
        }

        metric = distance.Metric;
        (column, constant) = (left, right) switch
        {
            (ColumnExpression c, var k) when Conjuncts.IsConstant(k!) => (c, k!),
            (var k, ColumnExpression c) when Conjuncts.IsConstant(k!) => (c, k!),
            _ => (null!, null!),
        };
        return column is not null;
    }

    /// <summary>Whether an ORDER BY key is a vector distance, so the ordering is a nearest-neighbour search.</summary>
    public static bool IsDistance(Expression expression) => expression switch
    {
        BinaryExpression b => DistanceOperator.Of(b.Operator) is not null,
        FunctionCallExpression f => DistanceOperator.OfFunction(f.Name) is not null,
        _ => false,
    };

    private static bool IsGrouped(SelectStatement select, List<OutputItem> items) =>
        select.GroupBy.Count > 0
        || items.Select(i => i.Expression).Concat(select.OrderBy.Select(o => o.Expression)).Append(select.Having).OfType<Expression>()
            .SelectMany(SyntaxWalker.Descendants).Any(e => e is FunctionCallExpression f && ExpressionBinder.IsAggregate(f));

    /// <summary>GROUP BY terms, where a number names a select-list position and a bare name may be a select-list alias (as SQLite allows).</summary>
    private List<Expression> GroupKeys(SelectStatement select, List<OutputItem> items) =>
        select.GroupBy.Select(term => OrderTarget(term, items) is var target and >= 0 && term is not ColumnExpression { Table: not null } ? items[target].Expression : term).ToList();

    /// <summary>The select-list position an ORDER BY or GROUP BY term refers to (a 1-based number or an alias), or -1.</summary>
    private int OrderTarget(Expression term, List<OutputItem> items)
    {
        if (term is LiteralExpression { Value.Kind: DbValueKind.Integer } literal)
        {
            var position = literal.Value.AsInteger;
            return position >= 1 && position <= items.Count
                ? (int)position - 1
                : throw context.Error(StoreErrors.InvalidArgument($"ORDER BY or GROUP BY position {position} is not between 1 and {items.Count}"), term.Line, term.Column);
        }

        if (term is ColumnExpression { Table: null } column)
        {
            return items.FindIndex(i => i.Alias is not null && string.Equals(i.Alias, column.Name, StringComparison.OrdinalIgnoreCase));
        }

        return -1;
    }

    /// <summary>The select list with each star replaced by the columns it stands for.</summary>
    private List<OutputItem> ExpandStars(IReadOnlyList<SelectItem> items, Scope scope)
    {
        var result = new List<OutputItem>();
        foreach (var item in items)
        {
            if (!item.IsStar)
            {
                var expression = item.Expression!;
                var type = expression is ColumnExpression c ? TryType(scope, c) : null;
                result.Add(new OutputItem(expression, item.Alias, item.Alias ?? (expression is ColumnExpression col ? col.Name : SyntaxText.Of(expression)), type));
                continue;
            }

            if (item.StarTable is { } table && !scope.HasTable(table))
            {
                throw StoreErrors.NotFound("table", table);
            }

            foreach (var column in scope.Columns.Where(c => !c.Hidden && (item.StarTable is null || string.Equals(c.Table, item.StarTable, StringComparison.OrdinalIgnoreCase))))
            {
                result.Add(new OutputItem(new ColumnExpression(column.Table, column.Name, 0, 0), null, column.Name, column.Type));
            }
        }

        if (result.Count == 0)
        {
            throw StoreErrors.InvalidArgument("the select list is empty");
        }

        return result;
    }

    private static ColumnType? TryType(Scope scope, ColumnExpression column) => scope.TryResolve(column.Table, column.Name, out var position) ? scope.Columns[position].Type : null;

    /// <summary>One select-list entry after star expansion: its expression, alias, result name and declared type.</summary>
    private sealed record OutputItem(Expression Expression, string? Alias, string Name, ColumnType? Type);
}
