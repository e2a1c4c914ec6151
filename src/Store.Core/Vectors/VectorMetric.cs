namespace Store.Core.Vectors;

/// <summary>The distances of pgvector's operators: <c>&lt;-&gt;</c>, <c>&lt;#&gt;</c> and <c>&lt;=&gt;</c>.</summary>
public enum VectorMetric
{
    L2,
    NegativeInnerProduct,
    Cosine,
}
