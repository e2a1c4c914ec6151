using Store.Core.Errors;
using Store.Sql.Lexing;

namespace Store.Sql.Tests.Lexing;

public class SqlTokenizerTests
{
    [Fact]
    public void Tokenize_knn_query_yields_the_expected_kinds()
    {
        var tokens = SqlTokenizer.Tokenize("SELECT id, emb <=> :q AS d FROM docs WHERE year >= 2015 ORDER BY d LIMIT 10;");

        Assert.Equal(
            [
                SqlToken.Identifier, SqlToken.Identifier, SqlToken.Comma, SqlToken.Identifier, SqlToken.CosineDistance,
                SqlToken.NamedParameter, SqlToken.Identifier, SqlToken.Identifier, SqlToken.Identifier, SqlToken.Identifier,
                SqlToken.Identifier, SqlToken.Identifier, SqlToken.GreaterOrEqual, SqlToken.Integer, SqlToken.Identifier,
                SqlToken.Identifier, SqlToken.Identifier, SqlToken.Identifier, SqlToken.Integer, SqlToken.Semicolon,
            ],
            tokens.Select(t => t.Kind));
    }

    [Theory]
    [InlineData("<->", nameof(SqlToken.L2Distance))]
    [InlineData("<#>", nameof(SqlToken.NegativeInnerProduct))]
    [InlineData("<=>", nameof(SqlToken.CosineDistance))]
    [InlineData("<=", nameof(SqlToken.LessOrEqual))]
    [InlineData("<>", nameof(SqlToken.NotEqual))]
    [InlineData("!=", nameof(SqlToken.NotEqual))]
    [InlineData("||", nameof(SqlToken.Concat))]
    [InlineData("'it''s'", nameof(SqlToken.String))]
    [InlineData("\"my \"\"table\"\"\"", nameof(SqlToken.QuotedIdentifier))]
    [InlineData("42", nameof(SqlToken.Integer))]
    [InlineData("1.5", nameof(SqlToken.Real))]
    [InlineData("1.5e-3", nameof(SqlToken.Real))]
    [InlineData(".5", nameof(SqlToken.Real))]
    [InlineData("1e9", nameof(SqlToken.Real))]
    [InlineData("@name", nameof(SqlToken.NamedParameter))]
    [InlineData("?", nameof(SqlToken.PositionalParameter))]
    [InlineData("'[0.1, 0.2]'", nameof(SqlToken.String))]
    public void Tokenize_single_token_has_its_kind_and_whole_text(string text, string kind)
    {
        var token = Assert.Single(SqlTokenizer.Tokenize(text));
        Assert.Equal(Enum.Parse<SqlToken>(kind), token.Kind);
        Assert.Equal(text, token.ToStringValue());
    }

    [Fact]
    public void Tokenize_skips_comments_and_whitespace()
    {
        var tokens = SqlTokenizer.Tokenize("-- a comment\nSELECT /* inline\n comment */ 1 -- trailing");
        Assert.Equal([SqlToken.Identifier, SqlToken.Integer], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Tokenize_unreadable_character_is_a_syntax_error_with_line_column_and_caret()
    {
        var error = Assert.Throws<StoreException>(() => SqlTokenizer.Tokenize("SELECT 1\nFROM t WHERE #x"));

        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Equal("42601", error.SqlState);
        Assert.Equal(2, error.Line);
        Assert.Equal(14, error.Column);
        Assert.EndsWith("\nFROM t WHERE #x\n             ^", error.Message);
    }

    [Fact]
    public void Tokenize_unterminated_string_is_a_syntax_error()
    {
        var error = Assert.Throws<StoreException>(() => SqlTokenizer.Tokenize("SELECT 'abc"));

        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("syntax error at line 1, column ", error.Message);
    }

    [Fact]
    public void Tokenize_random_input_either_succeeds_or_fails_with_a_syntax_error()
    {
        var random = new Random(17);
        const string alphabet = "SELECT abc 01.e+-*/%<>=!|#@:?'\"();,.\n\t -/*";
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            try
            {
                SqlTokenizer.Tokenize(text);
            }
            catch (StoreException e)
            {
                Assert.Equal(ErrorCode.SyntaxError, e.Code);
            }
        }
    }
}
