using Store.Core.Errors;
using Store.Sql.Parsing;
using Store.Sql.Syntax;

namespace Store.Sql.Tests.Parsing;

public class SelectParserTests
{
    [Fact]
    public void ParseSelect_filtered_knn_query_has_every_clause()
    {
        var select = SqlParser.ParseSelect("SELECT id, title, emb <=> :q AS dist FROM docs WHERE year >= 2015 ORDER BY dist LIMIT 10;");

        Assert.Equal(3, select.Items.Count);
        Assert.Equal("dist", select.Items[2].Alias);
        Assert.IsType<BinaryExpression>(select.Items[2].Expression);
        Assert.Equal("docs", Assert.IsType<NamedTableSource>(select.From).Name);
        Assert.Equal(BinaryOperator.GreaterOrEqual, Assert.IsType<BinaryExpression>(select.Where).Operator);
        Assert.Equal("dist", Assert.IsType<ColumnExpression>(Assert.Single(select.OrderBy).Expression).Name);
        Assert.NotNull(select.Limit);
        Assert.Null(select.Offset);
    }

    [Fact]
    public void ParseSelect_rerank_over_a_subquery_keeps_the_inner_query()
    {
        var select = SqlParser.ParseSelect("""
            SELECT c.id, c.title
            FROM (SELECT id, title, body FROM docs
                  ORDER BY emb <=> embed_query('arctic', :q) LIMIT 100) AS c
            ORDER BY rerank('ce', :q, c.body) DESC
            LIMIT 10
            """);

        var source = Assert.IsType<SubquerySource>(select.From);
        Assert.Equal("c", source.Alias);
        Assert.Equal((2, 6), (source.Line, source.Column));
        Assert.Equal(BinaryOperator.CosineDistance, Assert.IsType<BinaryExpression>(Assert.Single(source.Query.OrderBy).Expression).Operator);
        var order = Assert.Single(select.OrderBy);
        Assert.True(order.Descending);
        Assert.Equal("rerank", Assert.IsType<FunctionCallExpression>(order.Expression).Name);
    }

    [Fact]
    public void ParseSelect_joins_group_by_having_offset_and_table_star()
    {
        var select = SqlParser.ParseSelect(
            "SELECT DISTINCT d.*, t.name n FROM docs d LEFT JOIN tags t ON t.doc = d.id JOIN years ON years.y = d.year " +
            "GROUP BY d.year, t.name HAVING COUNT(*) > 1 ORDER BY n DESC, d.year ASC LIMIT 5 OFFSET 2");

        Assert.True(select.Distinct);
        Assert.Equal("d", select.Items[0].StarTable);
        Assert.Equal("n", select.Items[1].Alias);
        Assert.Equal("d", select.From!.Alias);
        Assert.Equal([true, false], select.Joins.Select(j => j.Left));
        Assert.Equal(2, select.GroupBy.Count);
        Assert.NotNull(select.Having);
        Assert.Equal([true, false], select.OrderBy.Select(o => o.Descending));
        Assert.NotNull(select.Offset);
    }

    [Theory]
    [InlineData("SELECT FROM t", 1, 8)]
    [InlineData("SELECT a FORM t", 1, 15)]
    [InlineData("SELECT a FROM t WHERE", 1, 22)]
    [InlineData("SELECT a\nFROM t\nORDER year", 3, 7)]
    [InlineData("SELECT a FROM (SELECT b FROM t", 1, 31)]
    public void ParseSelect_error_points_at_the_offending_token(string sql, int line, int column)
    {
        var error = Assert.Throws<StoreException>(() => SqlParser.ParseSelect(sql));

        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
