using Store.Access.Integrity;
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
                return Show(show.Target);
            case DescribeStatement describe:
                return Describe(describe);
            case PragmaStatement pragma:
                return Pragma(pragma);
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

    private StatementResult Show(ShowTarget target) => target switch
    {
        ShowTarget.Tables => StatementResult.Listing(["name", "columns"],
            query.Catalog.Tables().OrderBy(t => t.Schema.Name, StringComparer.OrdinalIgnoreCase)
                .Select(t => new[] { DbValue.FromText(t.Schema.Name), DbValue.FromInteger(t.Schema.Columns.Count) }).ToList()),
        ShowTarget.Indexes => StatementResult.Listing(["name", "table", "method", "columns", "unique", "options"],
            query.Catalog.Indexes().OrderBy(i => i.Schema.Name, StringComparer.OrdinalIgnoreCase)
                .Select(i => new[]
                {
                    DbValue.FromText(i.Schema.Name), DbValue.FromText(i.Schema.Table), DbValue.FromText(i.Schema.Method),
                    DbValue.FromText(string.Join(", ", i.Schema.Columns)), DbValue.FromInteger(i.Schema.Unique ? 1 : 0),
                    DbValue.FromText(string.Join(", ", i.Schema.OptionList.Select(o => $"{o.Key} = {o.Value}"))),
                }).ToList()),
        _ => StatementResult.Listing(["name", "kind", "dimensions", "pooling", "query_prefix", "max_tokens", "source", "options"],
            Inference.Models.BuiltInModel.All.Select(m => ModelRow(m.Name, Inference.Models.ModelKind.Dense, DbValue.FromInteger(m.Dimensions), m.Settings, $"built in ({Path.GetFileNameWithoutExtension(m.Assembly)})", ""))
                .Concat(query.Catalog.Models().Select(m =>
                {
                    // Only a dense model's vector has one size to show; finding it loads the model.
                    var definition = query.Evaluation.Definition(m.Name);
                    var dimensions = definition.Kind == Inference.Models.ModelKind.Dense ? DbValue.FromInteger(query.Evaluation.Encoder(m.Name).Dimensions) : DbValue.Null;
                    return ModelRow(m.Name, definition.Kind, dimensions, definition.Settings, m.Path, string.Join(", ", m.Options.Select(o => $"{o.Key} = '{o.Value.Replace("'", "''", StringComparison.Ordinal)}'")));
                })).ToList()),
    };

    /// <summary>One row of SHOW MODELS; options are as CREATE MODEL takes them (empty for a built-in model).</summary>
    private static DbValue[] ModelRow(string name, Inference.Models.ModelKind kind, DbValue dimensions, Inference.Models.EncoderSettings settings, string source, string options) =>
    [
        DbValue.FromText(name), DbValue.FromText(Inference.Models.ModelKinds.NameOf(kind)), dimensions, DbValue.FromText(settings.Pooling.ToString().ToLowerInvariant()),
        DbValue.FromText(settings.QueryPrefix), DbValue.FromInteger(settings.MaxLength), DbValue.FromText(source), DbValue.FromText(options),
    ];

    private StatementResult Describe(DescribeStatement describe)
    {
        var table = query.Catalog.FindTable(describe.Table) ?? throw context.Error(StoreErrors.NotFound("table", describe.Table), describe.Line, describe.Column);
        var keyed = query.Catalog.IndexesOf(table.Schema.Name).Where(i => i.Schema.Unique && i.Schema.Name.EndsWith("_pkey", StringComparison.Ordinal)).SelectMany(i => i.Schema.Columns).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return StatementResult.Listing(["column", "type", "not_null", "primary_key"],
            table.Schema.Columns.Select(c => new[]
            {
                DbValue.FromText(c.Name), DbValue.FromText(c.TypeName), DbValue.FromInteger(c.NotNull || c.IsRowIdAlias ? 1 : 0),
                DbValue.FromInteger(c.IsRowIdAlias || keyed.Contains(c.Name) ? 1 : 0),
            }).ToList());
    }

    private StatementResult Pragma(PragmaStatement pragma)
    {
        if (!string.Equals(pragma.Name, "integrity_check", StringComparison.OrdinalIgnoreCase))
        {
            throw context.Error(StoreErrors.NotSupported($"PRAGMA {pragma.Name} (this version has integrity_check)"), pragma.Line, pragma.Column);
        }

        var report = new IntegrityChecker(query.Transaction, query.State).Run();
        var lines = report.IsOk ? ["ok"] : report.Problems;
        return StatementResult.Listing(["integrity_check"], lines.Select(l => new[] { DbValue.FromText(l) }).ToList());
    }
}
