using Store.Core.Errors;
using Store.Sql.Lexing;
using Superpower.Model;

namespace Store.Sql.Parsing;

/// <summary>
/// How deeply a statement nests, bounded as SQLite bounds expression depth: past
/// <see cref="MaxDepth"/> levels a statement is a typed error, never a stack overflow.
/// </summary>
internal static class Nesting
{
    /// <summary>The deepest a statement may nest (SQLite's default expression depth limit).</summary>
    public const int MaxDepth = 1000;

    /// <summary>Statements nested deeper than this are parsed and run on a large stack (<see cref="Execution.DeepStack"/>).</summary>
    public const int ShallowDepth = 50;

    /// <summary>
    /// How deep the parser will recurse over these tokens: one level per open parenthesis and
    /// CASE, and per operator in a run of prefix operators (<c>- - NOT x</c>), each of which the
    /// grammar parses by recursion. Counted before parsing, so that a statement past the limit
    /// is refused at the token that crosses it, without the parser ever going that deep.
    /// </summary>
    public static int OfTokens(TokenList<SqlToken> tokens, string sql)
    {
        var (open, prefixRun, deepest) = (0, 0, 0);
        foreach (var token in tokens)
        {
            var word = token.Kind == SqlToken.Identifier;
            prefixRun = token.Kind is SqlToken.Minus or SqlToken.Plus || (word && token.Span.EqualsValueIgnoreCase("NOT")) ? prefixRun + 1 : 0;
            open += token.Kind == SqlToken.LParen || (word && token.Span.EqualsValueIgnoreCase("CASE")) ? 1
                : token.Kind == SqlToken.RParen || (word && token.Span.EqualsValueIgnoreCase("END")) ? -1
                : 0;
            deepest = Math.Max(deepest, open + prefixRun);
            if (deepest > MaxDepth)
            {
                throw TooDeep(sql, token.Span.Position.Line, token.Span.Position.Column);
            }
        }

        return deepest;
    }

    public static StoreException TooDeep(string sql, int line, int column) =>
        StoreErrors.Located(StoreErrors.TooComplex($"it nests more than {MaxDepth} levels deep"), sql, line, column);
}
