using Store.Sql.Binding;
using Store.Sql.Parsing;
using Store.Sql.Syntax;

namespace Store.Sql.Tests.Binding;

public class SyntaxTextHashesTests
{
    /// <summary>A column named by the whole text writes it as one fragment: the hash of the text itself, to compare the tree's with.</summary>
    [Theory]
    [MemberData(nameof(SyntaxTextTests.EveryKind), MemberType = typeof(SyntaxTextTests))]
    public void Of_a_tree_is_the_hash_of_its_whole_text(string sql, string text)
    {
        var hashes = new SyntaxTextHashes(SyntaxTextHashes.DefaultBase);

        Assert.Equal(hashes.Of(new ColumnExpression(null, text, 1, 1)), hashes.Of(SqlParser.ParseExpression(sql)));
    }

    [Fact]
    public void Of_the_same_text_written_differently_is_the_same()
    {
        var hashes = new SyntaxTextHashes(SyntaxTextHashes.DefaultBase);

        Assert.Equal(hashes.Of(SqlParser.ParseExpression("(a+b)  *\n2")), hashes.Of(SqlParser.ParseExpression("(a + b) * 2")));
        Assert.NotEqual(hashes.Of(SqlParser.ParseExpression("a + b")), hashes.Of(SqlParser.ParseExpression("b + a")));
    }
}
