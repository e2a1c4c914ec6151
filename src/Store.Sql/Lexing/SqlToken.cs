using Superpower.Display;

namespace Store.Sql.Lexing;

/// <summary>
/// The kinds of token in Store's SQL. Keywords are identifiers to the tokenizer; the parser
/// recognises them by text, case-insensitively, so a keyword can still name a column where
/// the grammar allows it.
/// </summary>
internal enum SqlToken
{
    [Token(Example = "docs")]
    Identifier,

    [Token(Description = "quoted identifier", Example = "\"my table\"")]
    QuotedIdentifier,

    [Token(Description = "string literal", Example = "'text'")]
    String,

    [Token(Description = "integer literal", Example = "42")]
    Integer,

    [Token(Description = "real literal", Example = "1.5e3")]
    Real,

    [Token(Description = "named parameter", Example = ":q")]
    NamedParameter,

    [Token(Description = "positional parameter", Example = "?")]
    PositionalParameter,

    [Token(Example = "(")]
    LParen,

    [Token(Example = ")")]
    RParen,

    [Token(Example = ",")]
    Comma,

    [Token(Example = ";")]
    Semicolon,

    [Token(Example = ".")]
    Dot,

    [Token(Example = "*")]
    Star,

    [Token(Example = "+")]
    Plus,

    [Token(Example = "-")]
    Minus,

    [Token(Example = "/")]
    Slash,

    [Token(Example = "%")]
    Percent,

    [Token(Example = "||")]
    Concat,

    [Token(Example = "=")]
    Equal,

    [Token(Example = "<>")]
    NotEqual,

    [Token(Example = "<")]
    Less,

    [Token(Example = "<=")]
    LessOrEqual,

    [Token(Example = ">")]
    Greater,

    [Token(Example = ">=")]
    GreaterOrEqual,

    [Token(Description = "L2 distance operator", Example = "<->")]
    L2Distance,

    [Token(Description = "negative inner product operator", Example = "<#>")]
    NegativeInnerProduct,

    [Token(Description = "cosine distance operator", Example = "<=>")]
    CosineDistance,
}
