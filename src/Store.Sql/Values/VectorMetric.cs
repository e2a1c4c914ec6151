namespace Store.Sql.Values;

/// <summary>The distances of pgvector's operators: <c>&lt;-&gt;</c>, <c>&lt;#&gt;</c> and <c>&lt;=&gt;</c>.</summary>
internal enum VectorMetric
{
    L2,
    NegativeInnerProduct,
    Cosine,
}
