using Store.Core.Values;

namespace Store.Sql.Operators;

/// <summary>Joined rows: the left row's values followed by the right row's.</summary>
internal static class JoinRows
{
    public static DbValue[] Combine(DbValue[] left, DbValue[] right)
    {
        var row = new DbValue[left.Length + right.Length];
        left.CopyTo(row, 0);
        right.CopyTo(row, left.Length);
        return row;
    }
}
