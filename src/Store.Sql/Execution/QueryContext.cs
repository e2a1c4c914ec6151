using Store.Access.Catalog;
using Store.Sql.Expressions;
using Store.Storage.Paging;

namespace Store.Sql.Execution;

/// <summary>What a running plan reads: the transaction (and its catalog) and the parameter values.</summary>
internal sealed class QueryContext(ReadTransaction transaction, EvaluationContext evaluation)
{
    public ReadTransaction Transaction { get; } = transaction;

    public SystemCatalog Catalog { get; } = new(transaction);

    public EvaluationContext Evaluation { get; } = evaluation;
}
