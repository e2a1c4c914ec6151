using Store.Sql.Lexing;
using Store.Sql.Syntax;
using Superpower;
using Superpower.Parsers;
using static Store.Sql.Parsing.ExpressionParser;

namespace Store.Sql.Parsing;

/// <summary>
/// The SELECT grammar: select list, FROM with tables, subqueries and the rerank table function,
/// inner and left joins on a condition, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and OFFSET.
/// Fields are declared innermost first (static fields initialise in order).
/// </summary>
internal static class SelectParser
{
    private static readonly TokenListParser<SqlToken, string?> Alias =
        Keyword("AS").IgnoreThen(Name).Or(Name).Select(n => (string?)n).OptionalOrDefault();

    private static readonly TokenListParser<SqlToken, SelectItem> Item =
        Token.EqualTo(SqlToken.Star).Value(new SelectItem(null, null, IsStar: true, StarTable: null))
            .Or((from table in Name
                 from dot in Token.EqualTo(SqlToken.Dot)
                 from star in Token.EqualTo(SqlToken.Star)
                 select new SelectItem(null, null, IsStar: true, StarTable: table)).Try())
            .Or(from expression in AnyExpression
                from alias in Alias
                select new SelectItem(expression, alias, IsStar: false, StarTable: null))
            .Named("select item");

    /// <summary>
    /// <c>rerank([model,] query, (SELECT ...))</c>: expressions (one or two, checked when
    /// planned), then the parenthesised candidates. Only <c>rerank (</c> backtracks, so a table
    /// named rerank still reads as one, and an error inside the call is reported where it is.
    /// </summary>
    private static readonly TokenListParser<SqlToken, TableSource> RerankFunction =
        (from name in NameToken.Where(n => string.Equals(NameOf(n), "rerank", StringComparison.OrdinalIgnoreCase))
         from open in Token.EqualTo(SqlToken.LParen)
         select name)
        .Try()
        .Then(name =>
            from arguments in AnyExpression.Then(e => Token.EqualTo(SqlToken.Comma).Value(e)).Try().Many()
            from queryOpen in Token.EqualTo(SqlToken.LParen)
            from candidates in Parse.Ref(() => Select!)
            from queryClose in Token.EqualTo(SqlToken.RParen)
            from close in Token.EqualTo(SqlToken.RParen)
            from alias in Alias
            select (TableSource)new RerankSource(arguments, candidates, alias, name.Span.Position.Line, name.Span.Position.Column));

    private static readonly TokenListParser<SqlToken, TableSource> Source =
        RerankFunction
        .Or(from open in Token.EqualTo(SqlToken.LParen)
            from query in Parse.Ref(() => Select!)
            from close in Token.EqualTo(SqlToken.RParen)
            from alias in Alias
            select (TableSource)new SubquerySource(query, alias, open.Span.Position.Line, open.Span.Position.Column))
        .Or(from name in NameToken
            from alias in Alias
            select (TableSource)new NamedTableSource(NameOf(name), alias, name.Span.Position.Line, name.Span.Position.Column))
        .Named("table or subquery");

    private static readonly TokenListParser<SqlToken, Join> JoinClause =
        from isLeft in Keyword("LEFT").Value(true).Or(Keyword("INNER").Value(false)).OptionalOrDefault()
        from joinKeyword in Keyword("JOIN")
        from source in Source
        from onKeyword in Keyword("ON")
        from condition in AnyExpression
        select new Join(isLeft, source, condition);

    private static readonly TokenListParser<SqlToken, OrderingTerm> Ordering =
        from expression in AnyExpression
        from isDescending in Keyword("DESC").Value(true).Or(Keyword("ASC").Value(false)).OptionalOrDefault()
        select new OrderingTerm(expression, isDescending);

    private static readonly TokenListParser<SqlToken, Expression[]> ExpressionList =
        AnyExpression.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma));

    /// <summary>A SELECT statement, without a trailing semicolon.</summary>
    public static readonly TokenListParser<SqlToken, SelectStatement> Select =
        from selectKeyword in Keyword("SELECT")
        from distinct in Keyword("DISTINCT").Value(true).OptionalOrDefault()
        from items in Item.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma))
        from source in Keyword("FROM").IgnoreThen(Source).Select(s => (TableSource?)s).OptionalOrDefault()
        from joins in source is null ? Parse.Return<SqlToken, Join[]>([]) : JoinClause.Many()
        from whereClause in Keyword("WHERE").IgnoreThen(AnyExpression).Select(e => (Expression?)e).OptionalOrDefault()
        from groupByClause in Keyword("GROUP").IgnoreThen(Keyword("BY")).IgnoreThen(ExpressionList).OptionalOrDefault([])
        from having in Keyword("HAVING").IgnoreThen(AnyExpression).Select(e => (Expression?)e).OptionalOrDefault()
        from orderByClause in Keyword("ORDER").IgnoreThen(Keyword("BY")).IgnoreThen(Ordering.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma))).OptionalOrDefault([])
        from limit in Keyword("LIMIT").IgnoreThen(AnyExpression).Select(e => (Expression?)e).OptionalOrDefault()
        from offset in limit is null ? Parse.Return<SqlToken, Expression?>(null) : Keyword("OFFSET").IgnoreThen(AnyExpression).Select(e => (Expression?)e).OptionalOrDefault()
        select new SelectStatement(distinct, items, source, joins, whereClause, groupByClause, having, orderByClause, limit, offset, selectKeyword.Span.Position.Line, selectKeyword.Span.Position.Column);
}
