using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Operators;

/// <summary>The order ORDER BY keys put rows in: SQL's value order per key, NULLs first when ascending.</summary>
internal sealed class RowOrder(IReadOnlyList<SortKey> keys) : IComparer<DbValue[]>
{
    public int Compare(DbValue[]? x, DbValue[]? y)
    {
        foreach (var key in keys)
        {
            var order = SqlComparer.CompareValues(x![key.Ordinal], y![key.Ordinal]);
            if (order != 0)
            {
                return key.Descending ? -order : order;
            }
        }

        return 0;
    }
}
