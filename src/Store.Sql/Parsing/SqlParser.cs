using System.Text;
using Store.Core.Errors;
using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Lexing;
using Store.Sql.Syntax;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Store.Sql.Parsing;

/// <summary>
/// Entry points of the parser: text in, immutable syntax tree out, or a syntax error with
/// line, column and caret under the offending token (the end of the text when it stopped early).
/// </summary>
internal static class SqlParser
{
    /// <summary>The longest statement text taken, in UTF-8 bytes (SQLite's default limit is 1 GB; one of this size already takes seconds to parse).</summary>
    public const int MaxStatementBytes = 100_000_000;

    public static Expression ParseExpression(string sql) => Run(ExpressionParser.AnyExpression, sql);

    /// <summary>A script: statements separated by semicolons, each nested no deeper than <see cref="Nesting.MaxDepth"/>.</summary>
    public static IReadOnlyList<Statement> ParseScript(string sql) => ParseScriptWithDepths(sql).Select(s => s.Syntax).ToList();

    /// <summary><see cref="ParseScript"/>, with how deep each statement nests (measured once, for the limit and for <see cref="Execution.DeepStack"/>).</summary>
    public static IReadOnlyList<(Statement Syntax, int Depth)> ParseScriptWithDepths(string sql)
    {
        var statements = new List<(Statement Syntax, int Depth)>();
        foreach (var statement in Run(StatementParser.Script, sql))
        {
            var (depth, deepest) = SyntaxWalker.Depth(statement);
            if (depth > Nesting.MaxDepth)
            {
                var (line, column) = deepest switch
                {
                    Expression e => (e.Line, e.Column),
                    Statement s => (s.Line, s.Column),
                    _ => (statement.Line, statement.Column),
                };
                throw Nesting.TooDeep(sql, line, column);
            }

            statements.Add((statement, depth));
        }

        return statements;
    }

    /// <summary>One SELECT statement, with an optional trailing semicolon.</summary>
    public static SelectStatement ParseSelect(string sql) =>
        Run(SelectParser.Select.Then(s => Token.EqualTo(SqlToken.Semicolon).Optional().Value(s)), sql);

    private static T Run<T>(TokenListParser<SqlToken, T> parser, string sql)
    {
        if ((long)sql.Length * 3 > MaxStatementBytes && Encoding.UTF8.GetByteCount(sql) is var bytes && bytes > MaxStatementBytes)
        {
            throw StoreErrors.TooLarge("a statement", bytes, MaxStatementBytes);
        }

        var tokens = SqlTokenizer.Tokenize(sql);
        var whole = parser.AtEnd();
        var result = Nesting.OfTokens(tokens, sql) > Nesting.ShallowDepth ? DeepStack.Run(() => whole.TryParse(tokens)) : whole.TryParse(tokens);
        if (result.HasValue)
        {
            return result.Value;
        }

        var position = result.ErrorPosition.HasValue ? result.ErrorPosition
            : !result.Remainder.IsAtEnd ? result.Remainder.First().Span.Position
            : EndOf(sql);
        throw StoreErrors.Syntax(result.FormatErrorMessageFragment(), sql, position.Line, position.Column);
    }

    private static Position EndOf(string sql)
    {
        var line = 1 + sql.Count(c => c == '\n');
        var column = sql.Length - (sql.LastIndexOf('\n') + 1) + 1;
        return new Position(sql.Length, line, column);
    }
}
