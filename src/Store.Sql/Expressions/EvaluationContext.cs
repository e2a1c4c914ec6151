using Store.Core.Errors;
using Store.Core.Values;
using Store.Inference;

namespace Store.Sql.Expressions;

/// <summary>
/// What expressions read besides the row: the statement's parameter values, by slot; the
/// models that <c>embed</c> and friends run; and the vectors of model calls already run in a
/// batch for the rows about to be evaluated (see <see cref="Execution.ModelBatches"/>).
/// </summary>
internal sealed class EvaluationContext(DbValue[] parameters, ModelHost? models = null, Action<long>? modelProgress = null)
{
    private long _modelRows;

    public DbValue[] Parameters { get; } = parameters;

    public ModelHost Models => models ?? throw StoreErrors.NotSupported("model functions in this statement");

    /// <summary>Counts rows whose model calls ran in a batch, and tells the statement's progress listener the total so far.</summary>
    public void ModelRowsDone(int rows)
    {
        _modelRows += rows;
        modelProgress?.Invoke(_modelRows);
    }

    /// <summary>Results computed ahead by batch, by call, query (rerank only) and text: a vector, or a rerank score as one number.</summary>
    public Dictionary<(ModelCallNode Call, string? Query, string Text), float[]> Prefetched { get; } = [];
}
