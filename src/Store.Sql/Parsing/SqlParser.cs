using Store.Core.Errors;
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
    public static Expression ParseExpression(string sql) => Run(ExpressionParser.AnyExpression, sql);

    /// <summary>A script: statements separated by semicolons.</summary>
    public static IReadOnlyList<Statement> ParseScript(string sql) => Run(StatementParser.Script, sql);

    /// <summary>One SELECT statement, with an optional trailing semicolon.</summary>
    public static SelectStatement ParseSelect(string sql) =>
        Run(SelectParser.Select.Then(s => Token.EqualTo(SqlToken.Semicolon).Optional().Value(s)), sql);

    private static T Run<T>(TokenListParser<SqlToken, T> parser, string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        var result = parser.AtEnd().TryParse(tokens);
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
