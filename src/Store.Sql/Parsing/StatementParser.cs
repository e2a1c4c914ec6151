using Store.Sql.Lexing;
using Store.Sql.Syntax;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static Store.Sql.Parsing.ExpressionParser;

namespace Store.Sql.Parsing;

/// <summary>
/// Statements other than the SELECT grammar itself: CREATE TABLE, CREATE INDEX, DROP, INSERT,
/// UPDATE, DELETE, BEGIN / COMMIT / ROLLBACK, SET, SHOW, DESCRIBE, PRAGMA and EXPLAIN, and
/// scripts of statements separated by semicolons. Fields are declared innermost first (static fields initialise in order).
/// </summary>
internal static class StatementParser
{
    private static readonly TokenListParser<SqlToken, Token<SqlToken>> Semicolon = Token.EqualTo(SqlToken.Semicolon);

    private static readonly TokenListParser<SqlToken, bool> IfNotExists =
        Keyword("IF").IgnoreThen(Keyword("NOT")).IgnoreThen(Keyword("EXISTS")).Value(true).Try().OptionalOrDefault();

    private static readonly TokenListParser<SqlToken, bool> IfExists =
        Keyword("IF").IgnoreThen(Keyword("EXISTS")).Value(true).Try().OptionalOrDefault();

    private static readonly TokenListParser<SqlToken, string[]> NameList =
        Token.EqualTo(SqlToken.LParen).IgnoreThen(Name.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma))).Then(n => Token.EqualTo(SqlToken.RParen).Value(n));

    private static readonly TokenListParser<SqlToken, ColumnDefinitionSyntax> ColumnDefinition =
        from name in NameToken
        from type in TypeName
        from constraints in Keyword("NOT").IgnoreThen(Keyword("NULL")).Value("not null").Or(Keyword("PRIMARY").IgnoreThen(Keyword("KEY")).Value("primary key")).Many()
        select new ColumnDefinitionSyntax(
            NameOf(name),
            type.Name,
            type.Dimensions,
            constraints.Contains("not null"),
            constraints.Contains("primary key"),
            name.Span.Position.Line,
            name.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> CreateTable =
        from create in Keyword("TABLE")
        from ifNotExists in IfNotExists
        from name in Name
        from open in Token.EqualTo(SqlToken.LParen)
        from columns in ColumnDefinition.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma))
        from close in Token.EqualTo(SqlToken.RParen)
        select (Statement)new CreateTableStatement(name, columns, ifNotExists, create.Span.Position.Line, create.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, IndexOption> Option =
        from key in Name
        from equal in Token.EqualTo(SqlToken.Equal)
        from value in AnyExpression
        select new IndexOption(key, value);

    private static readonly TokenListParser<SqlToken, Statement> CreateIndex =
        from unique in Keyword("UNIQUE").Value(true).OptionalOrDefault()
        from create in Keyword("INDEX")
        from ifNotExists in IfNotExists
        from name in Name
        from onKeyword in Keyword("ON")
        from table in Name
        from method in Keyword("USING").IgnoreThen(Name).Select(m => (string?)m.ToLowerInvariant()).OptionalOrDefault()
        from columns in NameList
        from options in Keyword("WITH").IgnoreThen(Token.EqualTo(SqlToken.LParen))
            .IgnoreThen(Option.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma)))
            .Then(o => Token.EqualTo(SqlToken.RParen).Value(o)).OptionalOrDefault([])
        select (Statement)new CreateIndexStatement(name, table, method, columns, options, unique, ifNotExists, create.Span.Position.Line, create.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> CreateModel =
        from create in Keyword("MODEL")
        from ifNotExists in IfNotExists
        from name in Name
        from path in Keyword("FROM").IgnoreThen(Token.EqualTo(SqlToken.String))
        from options in Keyword("WITH").IgnoreThen(Token.EqualTo(SqlToken.LParen))
            .IgnoreThen(Option.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma)))
            .Then(o => Token.EqualTo(SqlToken.RParen).Value(o)).OptionalOrDefault([])
        select (Statement)new CreateModelStatement(name, StringLiteral(path), options, ifNotExists, create.Span.Position.Line, create.Span.Position.Column);

    /// <summary>CREATE, then TABLE, [UNIQUE] INDEX or MODEL; the statement is placed at CREATE.</summary>
    private static readonly TokenListParser<SqlToken, Statement> Create =
        from create in Keyword("CREATE")
        from statement in CreateTable.Or(CreateIndex).Or(CreateModel)
        select statement with { Line = create.Span.Position.Line, Column = create.Span.Position.Column };

    private static readonly TokenListParser<SqlToken, Statement> Drop =
        from drop in Keyword("DROP")
        from target in Keyword("TABLE").Value(DropTarget.Table).Or(Keyword("INDEX").Value(DropTarget.Index)).Or(Keyword("MODEL").Value(DropTarget.Model))
        from ifExists in IfExists
        from name in Name
        select (Statement)new DropStatement(target, name, ifExists, drop.Span.Position.Line, drop.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, IReadOnlyList<Expression>> Row =
        Token.EqualTo(SqlToken.LParen).IgnoreThen(AnyExpression.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma)))
            .Then(values => Token.EqualTo(SqlToken.RParen).Value((IReadOnlyList<Expression>)values));

    private static readonly TokenListParser<SqlToken, Statement> Insert =
        from insert in Keyword("INSERT")
        from intoKeyword in Keyword("INTO")
        from table in Name
        from columns in NameList.Select(c => (IReadOnlyList<string>?)c).OptionalOrDefault()
        from statement in Keyword("VALUES").IgnoreThen(Row.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma)))
                .Select(rows => new InsertStatement(table, columns, rows, null, insert.Span.Position.Line, insert.Span.Position.Column))
            .Or(SelectParser.Select.Select(query => new InsertStatement(table, columns, null, query, insert.Span.Position.Line, insert.Span.Position.Column)))
        select (Statement)statement;

    private static readonly TokenListParser<SqlToken, Assignment> Assignment =
        from column in Name
        from equal in Token.EqualTo(SqlToken.Equal)
        from value in AnyExpression
        select new Assignment(column, value);

    private static readonly TokenListParser<SqlToken, Statement> Update =
        from update in Keyword("UPDATE")
        from table in Name
        from set in Keyword("SET")
        from assignments in Assignment.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Comma))
        from condition in Keyword("WHERE").IgnoreThen(AnyExpression).Select(e => (Expression?)e).OptionalOrDefault()
        select (Statement)new UpdateStatement(table, assignments, condition, update.Span.Position.Line, update.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Delete =
        from delete in Keyword("DELETE")
        from fromKeyword in Keyword("FROM")
        from table in Name
        from condition in Keyword("WHERE").IgnoreThen(AnyExpression).Select(e => (Expression?)e).OptionalOrDefault()
        select (Statement)new DeleteStatement(table, condition, delete.Span.Position.Line, delete.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Transaction =
        from keyword in Keyword("BEGIN").Or(Keyword("COMMIT")).Or(Keyword("ROLLBACK"))
        from word in Keyword("TRANSACTION").OptionalOrDefault()
        select (Statement)new TransactionStatement(
            Enum.Parse<TransactionAction>(keyword.ToStringValue(), ignoreCase: true),
            keyword.Span.Position.Line,
            keyword.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Set =
        from set in Keyword("SET")
        from name in Name.AtLeastOnceDelimitedBy(Token.EqualTo(SqlToken.Dot))
        from equal in Token.EqualTo(SqlToken.Equal)
        from value in AnyExpression
        select (Statement)new SetStatement(string.Join('.', name), value, set.Span.Position.Line, set.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Show =
        from show in Keyword("SHOW")
        from target in Keyword("TABLES").Value(ShowTarget.Tables)
            .Or(Keyword("INDEXES").Value(ShowTarget.Indexes))
            .Or(Keyword("MODELS").Value(ShowTarget.Models))
        select (Statement)new ShowStatement(target, show.Span.Position.Line, show.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Describe =
        from describe in Keyword("DESCRIBE")
        from table in Name
        select (Statement)new DescribeStatement(table, describe.Span.Position.Line, describe.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Reindex =
        from reindex in Keyword("REINDEX")
        from target in Keyword("INDEX").Value((DropTarget?)DropTarget.Index).Or(Keyword("TABLE").Value((DropTarget?)DropTarget.Table)).OptionalOrDefault()
        from name in target is null ? Name.Select(n => (string?)n).OptionalOrDefault() : Name.Select(n => (string?)n)
        select (Statement)new ReindexStatement(name, target, reindex.Span.Position.Line, reindex.Span.Position.Column);

    private static readonly TokenListParser<SqlToken, Statement> Pragma =
        from pragma in Keyword("PRAGMA")
        from name in Name
        select (Statement)new PragmaStatement(name.ToLowerInvariant(), pragma.Span.Position.Line, pragma.Span.Position.Column);

    /// <summary>Any one statement that EXPLAIN can precede.</summary>
    private static readonly TokenListParser<SqlToken, Statement> Explainable =
        SelectParser.Select.Select(s => (Statement)s)
            .Or(Create)
            .Or(Drop)
            .Or(Insert)
            .Or(Update)
            .Or(Delete)
            .Named("statement");

    private static readonly TokenListParser<SqlToken, Statement> Explain =
        from explain in Keyword("EXPLAIN")
        from analyze in Keyword("ANALYZE").Value(true).OptionalOrDefault()
        from statement in Explainable
        select (Statement)new ExplainStatement(statement, analyze, explain.Span.Position.Line, explain.Span.Position.Column);

    /// <summary>Any one statement.</summary>
    public static readonly TokenListParser<SqlToken, Statement> Statement =
        Explainable
            .Or(Transaction)
            .Or(Set)
            .Or(Show)
            .Or(Describe)
            .Or(Reindex)
            .Or(Pragma)
            .Or(Explain)
            .Named("statement");

    /// <summary>Statements separated by semicolons; empty statements are allowed.</summary>
    public static readonly TokenListParser<SqlToken, Statement[]> Script =
        from leading in Semicolon.Many()
        from first in Statement.Select(s => new[] { s }).OptionalOrDefault([])
        from rest in Semicolon.AtLeastOnce().IgnoreThen(Statement).Try().Many()
        from trailing in Semicolon.Many()
        select first.Concat(rest).ToArray();
}
