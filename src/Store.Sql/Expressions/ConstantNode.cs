using Store.Core.Values;

namespace Store.Sql.Expressions;

/// <summary>A literal value.</summary>
internal sealed class ConstantNode(DbValue value) : BoundExpression
{
    public DbValue Value { get; } = value;

    public override bool IsRowIndependent => true;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context) => Value;

    public override string ToString() => Value.Kind == DbValueKind.Text ? "'" + Value.AsText.Replace("'", "''", StringComparison.Ordinal) + "'" : ValueText.Format(Value);
}
