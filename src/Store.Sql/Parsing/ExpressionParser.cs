using System.Globalization;
using Store.Core.Values;
using Store.Sql.Lexing;
using Store.Sql.Syntax;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Store.Sql.Parsing;

/// <summary>
/// The expression grammar, loosest binding first: OR; AND; NOT; comparisons with IS [NOT]
/// NULL, [NOT] BETWEEN, [NOT] IN, [NOT] LIKE and MATCH; the distance operators and || (PostgreSQL's
/// "any other operator" level, so <c>a &lt;=&gt; b &lt; 0.5</c> compares the distance); + and -;
/// *, / and %; unary minus and plus. Fields are declared innermost first, because static
/// fields initialise in order and Superpower combinators capture them by value.
/// </summary>
internal static class ExpressionParser
{
    /// <summary>An unreserved identifier or a quoted one, as a token (for its position).</summary>
    public static readonly TokenListParser<SqlToken, Token<SqlToken>> NameToken =
        Token.EqualTo(SqlToken.Identifier).Where(t => !Keywords.IsReserved(t.ToStringValue()), "a name")
            .Or(Token.EqualTo(SqlToken.QuotedIdentifier))
            .Named("name");

    /// <summary>An unreserved identifier or a quoted one, as the name it stands for.</summary>
    public static readonly TokenListParser<SqlToken, string> Name = NameToken.Select(NameOf);

    private static readonly TokenListParser<SqlToken, Expression> Literal =
        Token.EqualTo(SqlToken.Integer).Select(t => At(t, IntegerValue(t.ToStringValue())))
            .Or(Token.EqualTo(SqlToken.Real).Select(t => At(t, DbValue.FromReal(double.Parse(t.ToStringValue(), CultureInfo.InvariantCulture)))))
            .Or(Token.EqualTo(SqlToken.String).Select(t => At(t, DbValue.FromText(StringLiteral(t)))))
            .Or(Keyword("NULL").Select(t => At(t, DbValue.Null)))
            .Or(Keyword("TRUE").Select(t => At(t, DbValue.FromInteger(1))))
            .Or(Keyword("FALSE").Select(t => At(t, DbValue.FromInteger(0))))
            .Named("literal");

    private static readonly TokenListParser<SqlToken, Expression> Parameter =
        Token.EqualTo(SqlToken.NamedParameter).Select(t => (Expression)new ParameterExpression(t.ToStringValue()[1..], t.Span.Position.Line, t.Span.Position.Column))
            .Or(Token.EqualTo(SqlToken.PositionalParameter).Select(t => (Expression)new ParameterExpression(null, t.Span.Position.Line, t.Span.Position.Column)))
            .Named("parameter");

    private static readonly TokenListParser<SqlToken, Expression> Column =
        from first in NameToken
        from second in Token.EqualTo(SqlToken.Dot).IgnoreThen(Name).Select(n => (string?)n).OptionalOrDefault()
        select (Expression)new ColumnExpression(
            second is null ? null : NameOf(first),
            second ?? NameOf(first),
            first.Span.Position.Line,
            first.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Expression> Parenthesised =
        Token.EqualTo(SqlToken.LParen).IgnoreThen(Parse.Ref(() => AnyExpression!)).Then(e => Token.EqualTo(SqlToken.RParen).Value(e));

    /// <summary>A name directly followed by "(": only this much is backtracked, so errors inside the arguments point there.</summary>
    private static readonly TokenListParser<SqlToken, Token<SqlToken>> FunctionHead =
        Token.EqualTo(SqlToken.Identifier).Then(name => Token.EqualTo(SqlToken.LParen).Value(name)).Try();

    private static readonly TokenListParser<SqlToken, Expression> FunctionCall =
        (from name in FunctionHead
         from star in Token.EqualTo(SqlToken.Star).Value(true).OptionalOrDefault()
         from distinct in Keyword("DISTINCT").Value(true).OptionalOrDefault()
         from arguments in star ? Parse.Return<SqlToken, Expression[]>([]) : Parse.Ref(() => AnyExpression!).ManyDelimitedBy(Token.EqualTo(SqlToken.Comma))
         from close in Token.EqualTo(SqlToken.RParen)
         select (Expression)new FunctionCallExpression(name.ToStringValue(), arguments, star, distinct, name.Span.Position.Line, name.Span.Position.Column))
        .Named("function call");

    /// <summary>A type name as in CREATE TABLE and CAST: a word, with a dimension count for <c>VECTOR(n)</c>.</summary>
    public static readonly TokenListParser<SqlToken, (string Name, int? Dimensions)> TypeName =
        from type in Token.EqualTo(SqlToken.Identifier).Named("type name")
        from dimensions in Token.EqualTo(SqlToken.LParen).IgnoreThen(Token.EqualTo(SqlToken.Integer)).Then(n => Token.EqualTo(SqlToken.RParen).Value(n))
            .Select(n => int.TryParse(n.ToStringValue(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? (int?)d : int.MaxValue).OptionalOrDefault()
        select (type.ToStringValue().ToUpperInvariant(), dimensions);

    private static readonly TokenListParser<SqlToken, Expression> Cast =
        from cast in Keyword("CAST").Then(k => Token.EqualTo(SqlToken.LParen).Value(k)).Try()
        from operand in Parse.Ref(() => AnyExpression!)
        from asKeyword in Keyword("AS")
        from type in TypeName
        from close in Token.EqualTo(SqlToken.RParen)
        select (Expression)new CastExpression(operand, type.Name, type.Dimensions, cast.Span.Position.Line, cast.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, CaseBranch> CaseBranch =
        from when in Keyword("WHEN")
        from condition in Parse.Ref(() => AnyExpression!)
        from then in Keyword("THEN")
        from result in Parse.Ref(() => AnyExpression!)
        select new CaseBranch(condition, result);

    private static readonly TokenListParser<SqlToken, Expression> Case =
        from caseKeyword in Keyword("CASE")
        from operand in Parse.Not(Keyword("WHEN")).IgnoreThen(Parse.Ref(() => AnyExpression!)).Select(e => (Expression?)e).OptionalOrDefault()
        from branches in CaseBranch.AtLeastOnce()
        from otherwise in Keyword("ELSE").IgnoreThen(Parse.Ref(() => AnyExpression!)).Select(e => (Expression?)e).OptionalOrDefault()
        from end in Keyword("END")
        select (Expression)new CaseExpression(operand, branches, otherwise, caseKeyword.Span.Position.Line, caseKeyword.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Expression> Primary =
        Literal.Or(Parameter).Or(Cast).Or(Case).Or(FunctionCall).Or(Column).Or(Parenthesised).Named("expression");

    private static readonly TokenListParser<SqlToken, Expression> Unary =
        (from sign in Token.EqualTo(SqlToken.Minus).Or(Token.EqualTo(SqlToken.Plus))
         from operand in Parse.Ref(() => Unary!)
         select (Expression)new UnaryExpression(sign.Kind == SqlToken.Minus ? UnaryOperator.Negate : UnaryOperator.Plus, operand, sign.Span.Position.Line, sign.Span.Position.Column))
        .Or(Primary);

    private static readonly TokenListParser<SqlToken, Expression> Multiplicative =
        Parse.Chain(Operator(SqlToken.Star, BinaryOperator.Multiply).Or(Operator(SqlToken.Slash, BinaryOperator.Divide)).Or(Operator(SqlToken.Percent, BinaryOperator.Modulo)), Unary, Combine);

    private static readonly TokenListParser<SqlToken, Expression> Additive =
        Parse.Chain(Operator(SqlToken.Plus, BinaryOperator.Add).Or(Operator(SqlToken.Minus, BinaryOperator.Subtract)), Multiplicative, Combine);

    private static readonly TokenListParser<SqlToken, Expression> OtherOperator =
        Parse.Chain(
            Operator(SqlToken.L2Distance, BinaryOperator.L2Distance)
                .Or(Operator(SqlToken.NegativeInnerProduct, BinaryOperator.NegativeInnerProduct))
                .Or(Operator(SqlToken.CosineDistance, BinaryOperator.CosineDistance))
                .Or(Operator(SqlToken.Concat, BinaryOperator.Concat)),
            Additive,
            Combine);

    private static readonly TokenListParser<SqlToken, BinaryOperator> ComparisonOperator =
        Operator(SqlToken.Equal, BinaryOperator.Equal)
            .Or(Operator(SqlToken.NotEqual, BinaryOperator.NotEqual))
            .Or(Operator(SqlToken.LessOrEqual, BinaryOperator.LessOrEqual))
            .Or(Operator(SqlToken.Less, BinaryOperator.Less))
            .Or(Operator(SqlToken.GreaterOrEqual, BinaryOperator.GreaterOrEqual))
            .Or(Operator(SqlToken.Greater, BinaryOperator.Greater));

    /// <summary>What may follow a NOT in a comparison: BETWEEN, IN or LIKE, as a function of the left operand and the negation.</summary>
    private static readonly TokenListParser<SqlToken, Func<Expression, bool, Expression>> NegatableSuffix =
        (from between in Keyword("BETWEEN")
         from low in OtherOperator
         from and in Keyword("AND")
         from high in OtherOperator
         select (Func<Expression, bool, Expression>)((left, negated) => new BetweenExpression(left, low, high, negated, left.Line, left.Column)))
        .Or(from inKeyword in Keyword("IN")
            from open in Token.EqualTo(SqlToken.LParen)
            from items in Parse.Ref(() => AnyExpression!).AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma))
            from close in Token.EqualTo(SqlToken.RParen)
            select (Func<Expression, bool, Expression>)((left, negated) => new InListExpression(left, items, negated, left.Line, left.Column)))
        .Or(from like in Keyword("LIKE")
            from pattern in OtherOperator
            select (Func<Expression, bool, Expression>)((left, negated) => new LikeExpression(left, pattern, negated, left.Line, left.Column)));

    /// <summary>
    /// What may follow the left operand of a comparison, as a function of that operand (built
    /// once, not per operand); each alternative is tried whole, so a lone NOT is left alone.
    /// </summary>
    private static readonly TokenListParser<SqlToken, Func<Expression, Expression>> ComparisonSuffix =
        (from op in ComparisonOperator
         from right in OtherOperator
         select (Func<Expression, Expression>)(left => new BinaryExpression(op, left, right, left.Line, left.Column)))
        .Or(from match in Keyword("MATCH")
            from query in OtherOperator
            select (Func<Expression, Expression>)(left => new MatchExpression(left, query, left.Line, left.Column)))
        .Or((from isKeyword in Keyword("IS")
             from not in Keyword("NOT").Value(true).OptionalOrDefault()
             from nullKeyword in Keyword("NULL")
             select (Func<Expression, Expression>)(left => new IsNullExpression(left, not, left.Line, left.Column))).Try())
        .Or((from not in Keyword("NOT").Value(true).OptionalOrDefault()
             from suffix in NegatableSuffix
             select (Func<Expression, Expression>)(left => suffix(left, not))).Try());

    private static readonly TokenListParser<SqlToken, Expression> Comparison =
        from left in OtherOperator
        from suffix in ComparisonSuffix.Select(f => (Func<Expression, Expression>?)f).OptionalOrDefault()
        select suffix is null ? left : suffix(left);

    private static readonly TokenListParser<SqlToken, Expression> Negation =
        (from not in Keyword("NOT")
         from operand in Parse.Ref(() => Negation!)
         select (Expression)new UnaryExpression(UnaryOperator.Not, operand, not.Span.Position.Line, not.Span.Position.Column))
        .Or(Comparison);

    private static readonly TokenListParser<SqlToken, Expression> Conjunction =
        Parse.Chain(Keyword("AND").Value(BinaryOperator.And), Negation, Combine);

    /// <summary>Any expression.</summary>
    public static readonly TokenListParser<SqlToken, Expression> AnyExpression =
        Parse.Chain(Keyword("OR").Value(BinaryOperator.Or), Conjunction, Combine);

    /// <summary>A keyword, matched case-insensitively against an identifier token.</summary>
    public static TokenListParser<SqlToken, Token<SqlToken>> Keyword(string word) =>
        Token.EqualToValueIgnoreCase(SqlToken.Identifier, word).Named(word);

    private static TokenListParser<SqlToken, BinaryOperator> Operator(SqlToken token, BinaryOperator op) =>
        Token.EqualTo(token).Value(op);

    private static Expression Combine(BinaryOperator op, Expression left, Expression right) =>
        new BinaryExpression(op, left, right, left.Line, left.Column);

    private static Expression At(Token<SqlToken> token, DbValue value) =>
        new LiteralExpression(value, token.Span.Position.Line, token.Span.Position.Column);

    /// <summary>An integer literal too large for int64 becomes a REAL, as in SQLite.</summary>
    private static DbValue IntegerValue(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DbValue.FromInteger(value)
            : DbValue.FromReal(double.Parse(text, CultureInfo.InvariantCulture));

    /// <summary>The name a name token stands for: a quoted identifier without its quotes.</summary>
    public static string NameOf(Token<SqlToken> token) =>
        token.Kind == SqlToken.QuotedIdentifier ? Unquote(token.ToStringValue(), '"') : token.ToStringValue();

    /// <summary>The text a string literal token stands for.</summary>
    public static string StringLiteral(Token<SqlToken> token) => Unquote(token.ToStringValue(), '\'');

    private static string Unquote(string text, char quote) =>
        text[1..^1].Replace(new string(quote, 2), quote.ToString(), StringComparison.Ordinal);
}
