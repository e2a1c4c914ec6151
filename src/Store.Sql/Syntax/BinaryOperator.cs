namespace Store.Sql.Syntax;

/// <summary>Infix operators, including pgvector's distance operators.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    L2Distance,
    NegativeInnerProduct,
    CosineDistance,
    Concat,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}
