using Store.Sql.Operators;
using Store.Sql.Syntax;
using Store.Storage.Paging;

namespace Store.Sql.Execution;

/// <summary>
/// The plans of the queries a session ran, by statement, so that running a prepared query
/// again skips binding and planning. A plan holds only the schema (tables, indexes) and
/// expressions over parameters, never their values, so it stays valid while the schema cookie
/// is unchanged. Only plans made on committed state are kept: a rolled-back writer's cookie may
/// come back with another schema. Bounded: when full it starts over.
/// </summary>
internal sealed class PlanCache
{
    private const int Capacity = 256;
    private readonly Dictionary<SelectStatement, (uint Cookie, PlanNode Plan)> _plans = new(ReferenceEqualityComparer.Instance);

    public PlanNode GetOrPlan(SelectStatement select, QueryContext query, Func<PlanNode> plan)
    {
        var cookie = query.Catalog.SchemaCookie;
        if (_plans.TryGetValue(select, out var cached) && cached.Cookie == cookie)
        {
            return cached.Plan;
        }

        var made = plan();
        if (query.Transaction is not WriteTransaction)
        {
            if (_plans.Count >= Capacity)
            {
                _plans.Clear();
            }

            _plans[select] = (cookie, made);
        }

        return made;
    }
}
