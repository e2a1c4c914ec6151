using Superpower;
using Superpower.Model;

namespace Store.Sql.Lexing;

/// <summary>
/// The scanner: it looks at the next character and tries only the token kinds that can start
/// with it, instead of trying every recognizer in turn (what Superpower's TokenizerBuilder
/// does), which made tokenizing several times slower. The recognizers themselves are the
/// text parsers above.
/// </summary>
internal static partial class SqlTokenizer
{
    private sealed class Scanner : Tokenizer<SqlToken>
    {
        protected override IEnumerable<Result<SqlToken>> Tokenize(TextSpan span)
        {
            var rest = span;
            while (true)
            {
                var skipped = SkipIgnored(rest);
                if (!skipped.HasValue)
                {
                    yield return Result.CastEmpty<Unit, SqlToken>(skipped);
                    yield break;
                }

                rest = skipped.Remainder;
                var next = rest.ConsumeChar();
                if (!next.HasValue)
                {
                    yield break;
                }

                var token = Recognize(rest, next.Value, next.Remainder);
                yield return token;
                if (!token.HasValue)
                {
                    yield break;
                }

                rest = token.Remainder;
            }
        }

        /// <summary>Skips whitespace and comments; an empty result for an unterminated block comment.</summary>
        private static Result<Unit> SkipIgnored(TextSpan span)
        {
            var rest = span;
            while (true)
            {
                var next = rest.ConsumeChar();
                if (!next.HasValue)
                {
                    return Result.Value(Unit.Value, span, rest);
                }

                if (char.IsWhiteSpace(next.Value))
                {
                    rest = next.Remainder;
                }
                else if (next.Value == '-' && Peek(next.Remainder) == '-')
                {
                    rest = LineComment(rest).Remainder;
                }
                else if (next.Value == '/' && Peek(next.Remainder) == '*')
                {
                    var comment = BlockComment(rest);
                    if (!comment.HasValue)
                    {
                        return comment;
                    }

                    rest = comment.Remainder;
                }
                else
                {
                    return Result.Value(Unit.Value, span, rest);
                }
            }
        }

        private static Result<SqlToken> Recognize(TextSpan at, char first, TextSpan afterFirst)
        {
            switch (first)
            {
                case '\'':
                    return Match(StringLiteral, at, SqlToken.String);
                case '"':
                    return Match(QuotedIdentifier, at, SqlToken.QuotedIdentifier);
                case ':' or '@' or '$':
                    return Match(NamedParameter, at, SqlToken.NamedParameter);
                case '?':
                    return Single(at, afterFirst, SqlToken.PositionalParameter);
                case '.':
                    return char.IsAsciiDigit(Peek(afterFirst)) ? Match(RealLiteral, at, SqlToken.Real) : Single(at, afterFirst, SqlToken.Dot);
                case '<':
                    return Peek(afterFirst) switch
                    {
                        '-' when Peek(afterFirst, 1) == '>' => Span(at, 3, SqlToken.L2Distance),
                        '#' when Peek(afterFirst, 1) == '>' => Span(at, 3, SqlToken.NegativeInnerProduct),
                        '=' when Peek(afterFirst, 1) == '>' => Span(at, 3, SqlToken.CosineDistance),
                        '=' => Span(at, 2, SqlToken.LessOrEqual),
                        '>' => Span(at, 2, SqlToken.NotEqual),
                        _ => Single(at, afterFirst, SqlToken.Less),
                    };
                case '>':
                    return Peek(afterFirst) == '=' ? Span(at, 2, SqlToken.GreaterOrEqual) : Single(at, afterFirst, SqlToken.Greater);
                case '!' when Peek(afterFirst) == '=':
                    return Span(at, 2, SqlToken.NotEqual);
                case '|' when Peek(afterFirst) == '|':
                    return Span(at, 2, SqlToken.Concat);
                case '=':
                    return Single(at, afterFirst, SqlToken.Equal);
                case '(':
                    return Single(at, afterFirst, SqlToken.LParen);
                case ')':
                    return Single(at, afterFirst, SqlToken.RParen);
                case ',':
                    return Single(at, afterFirst, SqlToken.Comma);
                case ';':
                    return Single(at, afterFirst, SqlToken.Semicolon);
                case '*':
                    return Single(at, afterFirst, SqlToken.Star);
                case '+':
                    return Single(at, afterFirst, SqlToken.Plus);
                case '-':
                    return Single(at, afterFirst, SqlToken.Minus);
                case '/':
                    return Single(at, afterFirst, SqlToken.Slash);
                case '%':
                    return Single(at, afterFirst, SqlToken.Percent);
            }

            if (char.IsAsciiDigit(first))
            {
                var real = RealLiteral(at);
                return real.HasValue ? Result.Value(SqlToken.Real, at, real.Remainder) : Match(Integer, at, SqlToken.Integer);
            }

            if (char.IsLetter(first) || first == '_')
            {
                return Match(Name, at, SqlToken.Identifier);
            }

            return Result.Empty<SqlToken>(at, $"unexpected `{first}`");
        }

        private static Result<SqlToken> Match(TextParser<Unit> recognizer, TextSpan at, SqlToken kind)
        {
            var result = recognizer(at);
            return result.HasValue ? Result.Value(kind, at, result.Remainder) : Result.CastEmpty<Unit, SqlToken>(result);
        }

        private static Result<SqlToken> Single(TextSpan at, TextSpan afterFirst, SqlToken kind) => Result.Value(kind, at, afterFirst);

        private static Result<SqlToken> Span(TextSpan at, int length, SqlToken kind)
        {
            var rest = at;
            for (var i = 0; i < length; i++)
            {
                rest = rest.ConsumeChar().Remainder;
            }

            return Result.Value(kind, at, rest);
        }

        /// <summary>The character <paramref name="ahead"/> places into the span, or '\0' past its end.</summary>
        private static char Peek(TextSpan span, int ahead = 0) =>
            span.Position.Absolute + ahead < span.Source!.Length && ahead < span.Length ? span.Source[span.Position.Absolute + ahead] : '\0';
    }
}
