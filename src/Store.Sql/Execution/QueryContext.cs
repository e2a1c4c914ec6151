using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Storage.Paging;

namespace Store.Sql.Execution;

/// <summary>
/// What a running plan reads: the transaction (and its catalog), the parameter values, and the
/// session's settings (SET hnsw.ef_search and the like).
/// </summary>
internal sealed class QueryContext(ReadTransaction transaction, EvaluationContext evaluation, IReadOnlyDictionary<string, DbValue>? settings = null)
{
    public ReadTransaction Transaction { get; } = transaction;

    public SystemCatalog Catalog { get; } = new(transaction);

    public EvaluationContext Evaluation { get; } = evaluation;

    /// <summary>A setting's value, or <paramref name="fallback"/> when the session has not set it.</summary>
    public int Setting(string name, int fallback) =>
        settings is not null && settings.TryGetValue(name, out var value) ? (int)value.AsInteger : fallback;
}
