namespace Store.Sql.Syntax;

/// <summary>Prefix operators.</summary>
internal enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}
