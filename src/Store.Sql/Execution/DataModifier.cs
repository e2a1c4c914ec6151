using Store.Access.Catalog;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Operators;
using Store.Sql.Planning;
using Store.Sql.Syntax;

namespace Store.Sql.Execution;

/// <summary>
/// INSERT, UPDATE and DELETE. Every row to change is found (and, for INSERT ... SELECT, read)
/// before the first write, so a statement never sees its own changes; values are coerced to
/// their column types, and the table checks constraints before writing.
/// </summary>
internal sealed class DataModifier(QueryContext query, BindingContext context)
{
    public int Insert(InsertStatement insert)
    {
        var table = query.Catalog.FindTable(insert.Table) ?? throw context.Error(StoreErrors.NotFound("table", insert.Table), insert.Line, insert.Column);
        var schema = table.Schema;
        var targets = (insert.Columns ?? schema.Columns.Select(c => c.Name).ToList())
            .Select(name => context.At(insert, () => schema.ColumnIndex(name) is var i and >= 0 ? i : throw StoreErrors.UndefinedColumn($"{schema.Name}.{name}")))
            .ToList();
        if (targets.Distinct().Count() != targets.Count)
        {
            throw context.Error(StoreErrors.InvalidArgument("a column is named twice in the INSERT column list"), insert.Line, insert.Column);
        }

        var rows = insert.Query is { } select
            ? new SelectPlanner(query, context).Plan(select).Execute(query).ToList()
            : Evaluate(insert.Rows!, targets.Count, insert);
        var writer = query.Catalog.OpenTable(schema.Name);
        var types = schema.Columns.Select(c => c.Type).ToList();
        foreach (var source in rows)
        {
            if (source.Length != targets.Count)
            {
                throw context.Error(StoreErrors.InvalidArgument($"{targets.Count} columns are named but the query gives {source.Length} values"), insert.Line, insert.Column);
            }

            var values = new DbValue[schema.Columns.Count];
            for (var i = 0; i < targets.Count; i++)
            {
                var position = targets[i];
                values[position] = types[position].Coerce(source[i], $"{schema.Name}.{schema.Columns[position].Name}");
            }

            writer.Insert(values);
        }

        return rows.Count;
    }

    public int Update(UpdateStatement update)
    {
        var (table, scope, rows) = FindRows(update.Table, update.Where, update);
        var schema = table.Schema;
        var binder = new ExpressionBinder(scope, context);
        var assignments = update.Assignments.Select(a =>
        {
            var position = context.At(update, () => schema.ColumnIndex(a.Column) is var i and >= 0 ? i : throw StoreErrors.UndefinedColumn($"{schema.Name}.{a.Column}"));
            return (Position: position, Type: schema.Columns[position].Type, Value: binder.Bind(a.Value));
        }).ToList();

        var writer = query.Catalog.OpenTable(schema.Name);
        foreach (var row in ModelBatches.Prefetching(rows, binder.ModelCalls, query.Evaluation))
        {
            var values = row[..^1];
            foreach (var (position, type, value) in assignments)
            {
                values[position] = type.Coerce(value.Evaluate(row, query.Evaluation), $"{schema.Name}.{schema.Columns[position].Name}");
            }

            writer.Update(row[^1].AsInteger, values);
        }

        return rows.Count;
    }

    public int Delete(DeleteStatement delete)
    {
        var (table, _, rows) = FindRows(delete.Table, delete.Where, delete);
        var writer = query.Catalog.OpenTable(table.Schema.Name);
        foreach (var row in rows)
        {
            writer.Delete(row[^1].AsInteger);
        }

        return rows.Count;
    }

    /// <summary>The rows a WHERE selects (each with its rowid last), read through the best access path.</summary>
    private (TableInfo Table, Scope Scope, List<DbValue[]> Rows) FindRows(string name, Expression? where, Statement statement)
    {
        var table = query.Catalog.FindTable(name) ?? throw context.Error(StoreErrors.NotFound("table", name), statement.Line, statement.Column);
        PlanNode plan = new AccessPathPlanner(context).Plan(table, table.Schema.Name, query.Catalog.BTreeIndexesOf(table.Schema.Name), Conjuncts.Split(where).ToList());
        if (where is not null)
        {
            plan = new FilterNode(plan, new ExpressionBinder(plan.Scope, context).Bind(where));
        }

        return (table, plan.Scope, plan.Execute(query).ToList());
    }

    /// <summary>The VALUES rows, every model call among them run first in batches.</summary>
    private List<DbValue[]> Evaluate(IReadOnlyList<IReadOnlyList<Expression>> rows, int expected, InsertStatement insert)
    {
        var binder = new ExpressionBinder(Scope.Empty, context);
        var bound = rows.Select(values => values.Count == expected
            ? values.Select(binder.Bind).ToList()
            : throw context.Error(StoreErrors.InvalidArgument($"{expected} columns are named but a row has {values.Count} values"), values.Count > 0 ? values[0].Line : insert.Line, values.Count > 0 ? values[0].Column : insert.Column))
            .ToList();
        ModelBatches.Prefetch([[]], binder.ModelCalls, query.Evaluation);
        return bound.Select(values => values.Select(v => v.Evaluate([], query.Evaluation)).ToArray()).ToList();
    }
}
