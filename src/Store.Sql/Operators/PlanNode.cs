using Store.Core.Values;
using Store.Sql.Binding;
using Store.Sql.Execution;

namespace Store.Sql.Operators;

/// <summary>
/// One operator of a query plan: it produces rows (pulled lazily) whose columns
/// <see cref="Scope"/> names. EXPLAIN prints the tree through <see cref="Describe"/>, so what it
/// shows is the tree that runs.
/// </summary>
internal abstract class PlanNode
{
    public abstract Scope Scope { get; }

    public virtual IReadOnlyList<PlanNode> Children => [];

    public abstract IEnumerable<DbValue[]> Execute(QueryContext context);

    /// <summary>One line saying what this operator does, with the settings it runs with in <paramref name="context"/>.</summary>
    public abstract string Describe(QueryContext context);

    /// <summary>The tree as indented lines, this node first, as it runs in <paramref name="context"/>.</summary>
    public IEnumerable<string> Explain(QueryContext context, int depth = 0)
    {
        yield return new string(' ', depth * 2) + Describe(context);
        foreach (var line in Children.SelectMany(c => c.Explain(context, depth + 1)))
        {
            yield return line;
        }
    }
}
