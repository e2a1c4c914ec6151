using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;

namespace Store.Sql.Operators;

/// <summary>
/// Sorts all rows (stable, so equal keys keep their input order). Used when there is no LIMIT to
/// bound the work. For a nearest-neighbour ordering (<paramref name="skipUndefinedDistance"/>)
/// rows whose distance is NULL are left out, as with a LIMIT (<see cref="TopKNode"/>), so adding
/// a LIMIT never changes which rows a query returns.
/// </summary>
internal sealed class SortNode(PlanNode input, IReadOnlyList<SortKey> keys, bool skipUndefinedDistance) : PlanNode
{
    public override Scope Scope => input.Scope;

    public override IReadOnlyList<PlanNode> Children => [input];

    public override IEnumerable<DbValue[]> Execute(QueryContext context) => Sorted(input.Execute(context), keys, skipUndefinedDistance);

    /// <summary>All the rows in key order, those without a distance left out of a nearest-neighbour ordering; <see cref="TopKNode"/> uses it when nothing bounds its work.</summary>
    public static IEnumerable<DbValue[]> Sorted(IEnumerable<DbValue[]> rows, IReadOnlyList<SortKey> keys, bool skipUndefinedDistance) =>
        (skipUndefinedDistance ? rows.Where(row => !row[keys[0].Ordinal].IsNull) : rows).Order(new RowOrder(keys));

    public override string Describe(QueryContext context) =>
        $"sort by {string.Join(", ", keys)}{(skipUndefinedDistance ? ", rows without a distance left out" : "")}";
}
