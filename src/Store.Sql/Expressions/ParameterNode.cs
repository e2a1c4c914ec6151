using Store.Core.Values;

namespace Store.Sql.Expressions;

/// <summary>A parameter's value, read from its slot.</summary>
internal sealed class ParameterNode(int slot, string display) : BoundExpression
{
    public override bool IsRowIndependent => true;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context) => context.Parameters[slot];

    public override string ToString() => display;
}
