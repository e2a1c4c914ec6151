using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>Skips OFFSET rows, then passes at most LIMIT rows (a negative LIMIT means no limit, as in SQLite).</summary>
internal sealed class LimitNode(PlanNode input, BoundExpression? limit, BoundExpression? offset) : PlanNode
{
    public override Scope Scope => input.Scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context)
    {
        var skip = offset is null ? 0 : Math.Max(Count(offset, context), 0);
        var take = limit is null ? -1 : Count(limit, context);
        var rows = input.Execute(context);
        if (skip > 0)
        {
            rows = rows.Skip((int)Math.Min(skip, int.MaxValue));
        }

        return take < 0 ? rows : rows.Take((int)Math.Min(take, int.MaxValue));
    }

    public override string Describe(QueryContext context) => "limit" + (limit is null ? "" : $" {limit}") + (offset is null ? "" : $" offset {offset}");

    /// <summary>The value of a LIMIT or OFFSET expression, which must be an integer.</summary>
    public static long Count(BoundExpression expression, QueryContext context)
    {
        var value = expression.Evaluate([], context.Evaluation);
        return value.Kind == DbValueKind.Integer
            ? value.AsInteger
            : throw StoreErrors.TypeMismatch($"LIMIT and OFFSET take integers, not a {ColumnType.Describe(value)}");
    }
}
