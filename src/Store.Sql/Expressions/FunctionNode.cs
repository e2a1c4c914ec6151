using Store.Core.Values;
using Store.Sql.Functions;

namespace Store.Sql.Expressions;

/// <summary>A call of a built-in scalar function.</summary>
internal sealed class FunctionNode(ScalarFunction function, IReadOnlyList<BoundExpression> arguments) : BoundExpression
{
    public ScalarFunction Function { get; } = function;

    public IReadOnlyList<BoundExpression> Arguments { get; } = arguments;

    public override bool IsRowIndependent => Arguments.All(a => a.IsRowIndependent);

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        var values = new DbValue[Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i].Evaluate(row, context);
            if (values[i].IsNull && Function.NullPropagating)
            {
                return DbValue.Null;
            }
        }

        return Function.Body(values);
    }

    public override string ToString() => $"{Function.Name}({string.Join(", ", Arguments)})";
}
