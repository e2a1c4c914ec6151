using Store.Access;
using Store.Access.Catalog;
using Store.Access.Indexing;
using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Storage.Paging;

namespace Store.Sql.Execution;

/// <summary>
/// What a running plan reads: the transaction (and its catalog), the database's shared state,
/// the parameter values, and the session's settings (SET hnsw.ef_search and the like).
/// </summary>
internal sealed class QueryContext
{
    private readonly IReadOnlyDictionary<string, DbValue>? _settings;

    public QueryContext(ReadTransaction transaction, DatabaseState state, EvaluationContext evaluation, IReadOnlyDictionary<string, DbValue>? settings = null)
    {
        (Transaction, State, Catalog, Evaluation, _settings) = (transaction, state, new SystemCatalog(transaction, state), evaluation, settings);
        evaluation.Catalog = Catalog;
    }

    public ReadTransaction Transaction { get; }

    public DatabaseState State { get; }

    public SystemCatalog Catalog { get; }

    public EvaluationContext Evaluation { get; }

    /// <summary>A search setting's value: the session's, or the setting's default when the session has not set it.</summary>
    public int Setting(SearchSetting setting) =>
        _settings is not null && _settings.TryGetValue(setting.Name, out var value) ? (int)value.AsInteger : setting.Default;
}
