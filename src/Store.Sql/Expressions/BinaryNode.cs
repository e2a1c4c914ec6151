using Store.Core.Values;
using Store.Sql.Syntax;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary>An infix operator: logic (short-circuit, three-valued), comparison, arithmetic, <c>||</c> or a vector distance.</summary>
internal sealed class BinaryNode(BinaryOperator op, BoundExpression left, BoundExpression right) : BoundExpression
{
    /// <summary>The distance the operator computes, looked up once rather than per row; null for other operators.</summary>
    private readonly DistanceOperator? _distance = DistanceOperator.Of(op);

    public BinaryOperator Operator { get; } = op;

    public BoundExpression Left { get; } = left;

    public BoundExpression Right { get; } = right;

    public override bool IsRowIndependent => Left.IsRowIndependent && Right.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        switch (Operator)
        {
            case BinaryOperator.And:
                {
                    var left = SqlLogic.Truth(Left.Evaluate(row, context));
                    if (left == false)
                    {
                        return SqlLogic.False;
                    }

                    var right = SqlLogic.Truth(Right.Evaluate(row, context));
                    return right == false ? SqlLogic.False : left is null || right is null ? DbValue.Null : SqlLogic.True;
                }

            case BinaryOperator.Or:
                {
                    var left = SqlLogic.Truth(Left.Evaluate(row, context));
                    if (left == true)
                    {
                        return SqlLogic.True;
                    }

                    var right = SqlLogic.Truth(Right.Evaluate(row, context));
                    return right == true ? SqlLogic.True : left is null || right is null ? DbValue.Null : SqlLogic.False;
                }
        }

        var a = Left.Evaluate(row, context);
        var b = Right.Evaluate(row, context);
        if (_distance is { } distance)
        {
            return VectorDistances.Compute(distance.Metric, a, b);
        }

        return Operator switch
        {
            BinaryOperator.Add => SqlArithmetic.Add(a, b),
            BinaryOperator.Subtract => SqlArithmetic.Subtract(a, b),
            BinaryOperator.Multiply => SqlArithmetic.Multiply(a, b),
            BinaryOperator.Divide => SqlArithmetic.Divide(a, b),
            BinaryOperator.Modulo => SqlArithmetic.Modulo(a, b),
            BinaryOperator.Concat => a.IsNull || b.IsNull ? DbValue.Null : DbValue.FromText(ValueText.Format(a) + ValueText.Format(b)),
            _ => Compare(a, b),
        };
    }

    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    public static string Symbol(BinaryOperator op) => DistanceOperator.Of(op)?.Symbol ?? op switch
    {
        BinaryOperator.Or => "OR",
        BinaryOperator.And => "AND",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Concat => "||",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    private DbValue Compare(DbValue a, DbValue b)
    {
        if (a.IsNull || b.IsNull)
        {
            return DbValue.Null;
        }

        var order = SqlComparer.CompareValues(a, b);
        return SqlLogic.From(Operator switch
        {
            BinaryOperator.Equal => order == 0,
            BinaryOperator.NotEqual => order != 0,
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }
}
