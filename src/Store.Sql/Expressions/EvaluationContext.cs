using Store.Core.Errors;
using Store.Core.Values;
using Store.Inference;

namespace Store.Sql.Expressions;

/// <summary>
/// What expressions read besides the row: the statement's parameter values, by slot; the
/// models that <c>embed</c> and friends run; and the vectors of model calls already run in a
/// batch for the rows about to be evaluated (see <see cref="Execution.ModelBatches"/>).
/// </summary>
internal sealed class EvaluationContext(DbValue[] parameters, ModelHost? models = null)
{
    public DbValue[] Parameters { get; } = parameters;

    public ModelHost Models => models ?? throw StoreErrors.NotSupported("model functions in this statement");

    /// <summary>Vectors computed ahead by batch, by call and text.</summary>
    public Dictionary<(ModelCallNode Call, string Text), float[]> Prefetched { get; } = [];
}
