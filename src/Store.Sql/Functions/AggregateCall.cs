using Store.Sql.Expressions;

namespace Store.Sql.Functions;

/// <summary>One aggregate in a grouped query: what it computes, over which argument, and whether over distinct values.</summary>
internal sealed record AggregateCall(AggregateKind Kind, BoundExpression? Argument, bool Distinct, string Display)
{
    public static bool TryGetKind(string name, bool star, out AggregateKind kind)
    {
        kind = name.ToUpperInvariant() switch
        {
            "COUNT" when star => AggregateKind.CountRows,
            "COUNT" => AggregateKind.Count,
            "SUM" => AggregateKind.Sum,
            "AVG" => AggregateKind.Avg,
            "MIN" => AggregateKind.Min,
            "MAX" => AggregateKind.Max,
            _ => (AggregateKind)(-1),
        };
        return kind >= 0;
    }

    public override string ToString() => Display;
}
