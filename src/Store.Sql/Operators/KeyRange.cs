using Store.Sql.Expressions;

namespace Store.Sql.Operators;

/// <summary>A range over one key, from constant expressions: either bound may be missing.</summary>
internal sealed record KeyRange(BoundExpression? Low, bool LowInclusive, BoundExpression? High, bool HighInclusive)
{
    public override string ToString() =>
        (Low is null ? "" : $"{(LowInclusive ? ">=" : ">")} {Low}") + (Low is not null && High is not null ? " and " : "")
        + (High is null ? "" : $"{(HighInclusive ? "<=" : "<")} {High}");
}
