using Store.Core.Errors;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace Store.Sql.Lexing;

/// <summary>
/// Turns SQL text into tokens. Permissive by design (Superpower's habit): it knows no
/// grammar, and what it cannot read at all (an unterminated string, a stray character)
/// becomes a typed syntax error with line, column and caret. Comments (<c>--</c> and
/// <c>/* */</c>) and whitespace are skipped.
/// </summary>
internal static partial class SqlTokenizer
{
    private static readonly TextParser<Unit> LineComment =
        from open in Span.EqualTo("--")
        from rest in Character.ExceptIn('\n').Many()
        select Unit.Value;

    private static readonly TextParser<Unit> BlockComment =
        from open in Span.EqualTo("/*")
        from body in Span.Except("*/").Optional()
        from close in Span.EqualTo("*/")
        select Unit.Value;

    /// <summary>'...' with '' standing for one quote.</summary>
    private static readonly TextParser<Unit> StringLiteral =
        from open in Character.EqualTo('\'')
        from body in Span.EqualTo("''").Value(Unit.Value).Try().Or(Character.Except('\'').Value(Unit.Value)).Many()
        from close in Character.EqualTo('\'')
        select Unit.Value;

    /// <summary>"..." with "" standing for one quote.</summary>
    private static readonly TextParser<Unit> QuotedIdentifier =
        from open in Character.EqualTo('"')
        from body in Span.EqualTo("\"\"").Value(Unit.Value).Try().Or(Character.Except('"').Value(Unit.Value)).Many()
        from close in Character.EqualTo('"')
        select Unit.Value;

    private static readonly TextParser<Unit> Exponent =
        from e in Character.In('e', 'E')
        from sign in Character.In('+', '-').Optional()
        from digits in Numerics.Natural
        select Unit.Value;

    private static readonly TextParser<Unit> RealLiteral =
        Numerics.Natural.Then(_ => Character.EqualTo('.')).Then(_ => Numerics.Natural.Optional()).Then(_ => Exponent.Optional()).Value(Unit.Value).Try()
            .Or(Character.EqualTo('.').Then(_ => Numerics.Natural).Then(_ => Exponent.Optional()).Value(Unit.Value).Try())
            .Or(Numerics.Natural.Then(_ => Exponent).Value(Unit.Value).Try());

    private static readonly TextParser<Unit> Name =
        from first in Character.Letter.Or(Character.EqualTo('_'))
        from rest in Character.LetterOrDigit.Or(Character.EqualTo('_')).Many()
        select Unit.Value;

    private static readonly TextParser<Unit> NamedParameter =
        from sigil in Character.In(':', '@', '$')
        from name in Name
        select Unit.Value;

    private static readonly TextParser<Unit> Integer = Numerics.Natural.Value(Unit.Value);

    private static readonly Tokenizer<SqlToken> Tokenizer = new Scanner();

    /// <summary>Tokenizes <paramref name="sql"/> or throws a syntax error pointing at the first unreadable character.</summary>
    public static TokenList<SqlToken> Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var result = Tokenizer.TryTokenize(sql);
        if (result.HasValue)
        {
            return result.Value;
        }

        var position = result.ErrorPosition.HasValue ? result.ErrorPosition : result.Location.Position;
        throw StoreErrors.Syntax(result.FormatErrorMessageFragment(), sql, position.Line, position.Column);
    }
}
