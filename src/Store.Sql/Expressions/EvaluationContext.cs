using Store.Core.Values;

namespace Store.Sql.Expressions;

/// <summary>What expressions read besides the row: the statement's parameter values, by slot.</summary>
internal sealed class EvaluationContext(DbValue[] parameters)
{
    public DbValue[] Parameters { get; } = parameters;
}
