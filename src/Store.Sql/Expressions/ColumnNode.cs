using Store.Core.Values;

namespace Store.Sql.Expressions;

/// <summary>The value at one position of the row.</summary>
internal sealed class ColumnNode(int ordinal, string name) : BoundExpression
{
    public int Ordinal { get; } = ordinal;

    public override bool IsRowIndependent => false;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context) => row[Ordinal];

    public override string ToString() => name;
}
