using Store.Sql.Binding;
using Store.Sql.Parsing;

namespace Store.Sql.Tests.Binding;

public class SyntaxTextTests
{
    public static TheoryData<string, string> EveryKind => new()
    {
        { "'it''s'", "'it''s'" },
        { "1.5e1", "15.0" },
        { "NULL", "NULL" },
        { "T.X", "T.X" },
        { ":p", ":p" },
        { "@p", ":p" },
        { "?", "?" },
        { "NOT -+x", "NOT -+x" },
        { "a+b*2", "a + (b * 2)" },
        { "(a - b) - c", "(a - b) - c" },
        { "emb <=> :q", "emb <=> :q" },
        { "count(*)", "count(*)" },
        { "COUNT(DISTINCT x)", "COUNT(DISTINCT x)" },
        { "f()", "f()" },
        { "coalesce(a, b, 1)", "coalesce(a, b, 1)" },
        { "x IS NOT NULL", "x IS NOT NULL" },
        { "x IS NULL", "x IS NULL" },
        { "x NOT BETWEEN 1 AND 2", "x NOT BETWEEN 1 AND 2" },
        { "x BETWEEN a + 1 AND 2", "x BETWEEN a + 1 AND 2" },
        { "x NOT IN (1, 'a')", "x NOT IN (1, 'a')" },
        { "x IN (y)", "x IN (y)" },
        { "x NOT LIKE 'a%'", "x NOT LIKE 'a%'" },
        { "x LIKE y", "x LIKE y" },
        { "body match :q", "body MATCH :q" },
        { "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END", "CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END" },
        { "CASE WHEN x THEN 1 END", "CASE WHEN x THEN 1 END" },
        { "CAST(x AS vector(3))", "CAST(x AS VECTOR(3))" },
        { "CAST(x AS text)", "CAST(x AS TEXT)" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Of_writes_each_kind_of_expression_canonically(string sql, string text)
    {
        Assert.Equal(text, SyntaxText.Of(SqlParser.ParseExpression(sql)));
    }
}
