using Store.Access.Catalog;
using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Storage.Paging;

namespace Store.Sql.Execution;

/// <summary>
/// What a running plan reads: the transaction (and its catalog), the parameter values, and the
/// session's settings (SET hnsw.ef_search and the like).
/// </summary>
internal sealed class QueryContext
{
    private readonly IReadOnlyDictionary<string, DbValue>? _settings;

    public QueryContext(ReadTransaction transaction, EvaluationContext evaluation, IReadOnlyDictionary<string, DbValue>? settings = null)
    {
        (Transaction, Catalog, Evaluation, _settings) = (transaction, new SystemCatalog(transaction), evaluation, settings);
        evaluation.Catalog = Catalog;
    }

    public ReadTransaction Transaction { get; }

    public SystemCatalog Catalog { get; }

    public EvaluationContext Evaluation { get; }

    /// <summary>A setting's value, or <paramref name="fallback"/> when the session has not set it.</summary>
    public int Setting(string name, int fallback) =>
        _settings is not null && _settings.TryGetValue(name, out var value) ? (int)value.AsInteger : fallback;
}
