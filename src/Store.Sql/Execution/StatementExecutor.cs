using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Operators;
using Store.Sql.Planning;
using Store.Sql.Syntax;

namespace Store.Sql.Execution;

/// <summary>
/// Runs one statement inside a transaction the caller owns: queries (rows read lazily),
/// changes, schema changes, listings and EXPLAIN. Transaction control and SET belong to the
/// session, which handles them before coming here.
/// </summary>
internal sealed class StatementExecutor(QueryContext query, BindingContext context, PlanCache? plans = null)
{
    public StatementResult Execute(Statement statement)
    {
        switch (statement)
        {
            case SelectStatement select:
                var plan = plans is null ? new SelectPlanner(query, context).Plan(select) : plans.GetOrPlan(select, query, () => new SelectPlanner(query, context).Plan(select));
                return new StatementResult(plan.Scope.Columns.Select(c => new ResultColumn(c.Name, c.Type?.ToString())).ToList(), plan.Execute(query), -1);
            case InsertStatement insert:
                return StatementResult.Done(new DataModifier(query, context).Insert(insert));
            case UpdateStatement update:
                return StatementResult.Done(new DataModifier(query, context).Update(update));
            case DeleteStatement delete:
                return StatementResult.Done(new DataModifier(query, context).Delete(delete));
            case CreateTableStatement create:
                new SchemaChanger(query, context).CreateTable(create);
                return StatementResult.Done();
            case CreateIndexStatement create:
                new SchemaChanger(query, context).CreateIndex(create);
                return StatementResult.Done();
            case CreateModelStatement create:
                new SchemaChanger(query, context).CreateModel(create);
                return StatementResult.Done();
            case DropStatement drop:
                new SchemaChanger(query, context).Drop(drop);
                return StatementResult.Done();
            case ReindexStatement reindex:
                new SchemaChanger(query, context).Reindex(reindex);
                return StatementResult.Done();
            case ShowStatement show:
                return new Listings(query, context).Show(show.Target);
            case DescribeStatement describe:
                return new Listings(query, context).Describe(describe);
            case PragmaStatement pragma:
                return new Listings(query, context).Pragma(pragma);
            case ExplainStatement explain:
                var lines = explain.Analyze ? Analyze(explain) : Explain(explain.Statement);
                return StatementResult.Listing(["plan"], lines.Select(line => new[] { DbValue.FromText(line) }));
            default:
                throw context.Error(StoreErrors.NotSupported($"{statement.GetType().Name} here"), statement.Line, statement.Column);
        }
    }

    /// <summary>The plan lines of a statement: the operator tree of a query, or what a change or schema statement will do.</summary>
    public IEnumerable<string> Explain(Statement statement) => statement switch
    {
        SelectStatement select => new SelectPlanner(query, context).Plan(select).Explain(query),
        InsertStatement { Query: { } select } insert => new SelectPlanner(query, context).Plan(select).Explain(query, 1).Prepend($"insert into {insert.Table}"),
        InsertStatement insert => [$"insert into {insert.Table} ({insert.Rows!.Count} row{(insert.Rows.Count == 1 ? "" : "s")} of values)"],
        UpdateStatement update => RowFinder(update.Table, update.Where, update).Explain(query, 1).Prepend($"update {update.Table} set {string.Join(", ", update.Assignments.Select(a => a.Column))}"),
        DeleteStatement delete => RowFinder(delete.Table, delete.Where, delete).Explain(query, 1).Prepend($"delete from {delete.Table}"),
        _ => [statement.GetType().Name.Replace("Statement", "", StringComparison.Ordinal).ToLowerInvariant()],
    };

    private PlanNode RowFinder(string name, Expression? where, Statement statement)
    {
        var table = query.Catalog.FindTable(name) ?? throw context.Error(StoreErrors.NotFound("table", name), statement.Line, statement.Column);
        var plan = new AccessPathPlanner(context).Plan(table, table.Schema.Name, query.Catalog.BTreeIndexesOf(table.Schema.Name), Conjuncts.Split(where).ToList());
        return where is null ? plan : new FilterNode(plan, new ExpressionBinder(plan.Scope, context).Bind(where));
    }

    /// <summary>
    /// EXPLAIN ANALYZE: runs the query to its last row, then gives its plan and what the run
    /// took: rows, time, and for a query that ran models, the rows they ran over and the texts
    /// cut at a model's maximum length. Queries only: a change would be made, not explained.
    /// </summary>
    private List<string> Analyze(ExplainStatement explain)
    {
        if (explain.Statement is not SelectStatement select)
        {
            throw context.Error(StoreErrors.NotSupported("EXPLAIN ANALYZE of a statement that changes data (it explains queries)"), explain.Line, explain.Column);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = new SelectPlanner(query, context).Plan(select);
        var rows = plan.Execute(query).Count();
        var lines = plan.Explain(query).ToList();
        lines.Add($"rows: {rows}");
        lines.Add($"time: {clock.Elapsed.TotalMilliseconds:F1} ms");
        if (query.Evaluation.ModelRows > 0 || query.Evaluation.TruncatedInputs > 0)
        {
            lines.Add($"model rows: {query.Evaluation.ModelRows}");
            lines.Add($"truncated inputs: {query.Evaluation.TruncatedInputs} (cut at the model's max_length)");
        }

        return lines;
    }
}
