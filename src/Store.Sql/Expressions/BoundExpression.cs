using Store.Core.Values;

namespace Store.Sql.Expressions;

/// <summary>
/// An expression after binding: names resolved to row positions, functions to their
/// implementations, parameters to slots. Evaluates against one row; prints itself for EXPLAIN.
/// </summary>
internal abstract class BoundExpression
{
    public abstract DbValue Evaluate(DbValue[] row, EvaluationContext context);

    /// <summary>Whether the value is the same for every row (no column references).</summary>
    public abstract bool IsRowIndependent { get; }

    public abstract override string ToString();
}
