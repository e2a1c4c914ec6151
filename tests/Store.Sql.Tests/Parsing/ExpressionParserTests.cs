using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Sql.Parsing;
using Store.Sql.Syntax;

namespace Store.Sql.Tests.Parsing;

public class ExpressionParserTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "(1 + (2 * 3))")]
    [InlineData("(1 + 2) * 3", "((1 + 2) * 3)")]
    [InlineData("10 - 4 - 3", "((10 - 4) - 3)")]
    [InlineData("a OR b AND NOT c = 1", "(a OR (b AND (NOT (c = 1))))")]
    [InlineData("emb <=> :q < 0.5", "((emb <=> :q) < 0.5)")]
    [InlineData("emb <-> ? + 1", "(emb <-> (? + 1))")]
    [InlineData("x NOT BETWEEN 1 AND 2 AND y IS NOT NULL", "((x NOT BETWEEN 1 AND 2) AND (y IS NOT NULL))")]
    [InlineData("d.title LIKE 'it''s%'", "(d.title LIKE 'it's%')")]
    [InlineData("x NOT IN (1, 2, @p)", "(x NOT IN (1, 2, :p))")]
    [InlineData("body MATCH :q AND year > 1900", "((body MATCH :q) AND (year > 1900))")]
    [InlineData("NOT d.body match 'steam' || ' engine'", "(NOT (d.body MATCH ('steam' || ' engine')))")]
    [InlineData("-x - -1", "((-x) - (-1))")]
    [InlineData("a || b || 'c'", "((a || b) || 'c')")]
    [InlineData("count(*)", "count(*)")]
    [InlineData("COUNT(DISTINCT x) > 1", "(COUNT(DISTINCT x) > 1)")]
    [InlineData("embed('arctic', body)", "embed('arctic', body)")]
    [InlineData("\"select\" = TRUE", "(select = 1)")]
    [InlineData("x % 2 = 0 OR x IS NULL", "(((x % 2) = 0) OR (x IS NULL))")]
    [InlineData("99999999999999999999", "1E+20")]
    public void ParseExpression_respects_precedence_and_associativity(string sql, string expected)
    {
        Assert.Equal(expected, Render(SqlParser.ParseExpression(sql)));
    }

    [Fact]
    public void ParseExpression_records_the_position_of_each_node()
    {
        var expression = (BinaryExpression)SqlParser.ParseExpression("a +\n  b");
        var right = (ColumnExpression)expression.Right;
        Assert.Equal((2, 3), (right.Line, right.Column));
    }

    [Theory]
    [InlineData("1 +", 1, 4)]
    [InlineData("(1 + 2", 1, 7)]
    [InlineData("a = = b", 1, 5)]
    [InlineData("x AND\n  SELECT", 2, 3)]
    [InlineData("f(1,)", 1, 5)]
    public void ParseExpression_error_points_at_the_offending_token(string sql, int line, int column)
    {
        var error = Assert.Throws<StoreException>(() => SqlParser.ParseExpression(sql));

        Assert.Equal(ErrorCode.SyntaxError, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith("\n" + new string(' ', column - 1) + "^", error.Message);
    }

    [Fact]
    public void ParseExpression_of_mutated_input_succeeds_or_fails_with_a_syntax_error_only()
    {
        string[] seeds = ["a + b * 3", "emb <=> :q < 0.5 AND year >= 2015", "x NOT IN (1, 2)", "count(DISTINCT x) > 1 OR y LIKE 'a%'", "-(a - b) BETWEEN 1 AND 2"];
        string[] pieces = ["(", ")", ",", "NOT", "AND", "IN", "'", "1", "+", "*", "<=>", "IS", "NULL", " ", "BETWEEN", ".", "?"];
        var random = new Random(5);
        for (var i = 0; i < 4000; i++)
        {
            var text = seeds[random.Next(seeds.Length)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var at = random.Next(text.Length + 1);
                text = random.Next(2) == 0 ? text.Insert(at, pieces[random.Next(pieces.Length)]) : text.Remove(Math.Min(at, text.Length - 1), 1);
            }

            try
            {
                SqlParser.ParseExpression(text);
            }
            catch (StoreException e)
            {
                Assert.True(e.Code == ErrorCode.SyntaxError, $"{text}: {e.Message}");
            }
        }
    }

    private static string Render(Expression expression) => expression switch
    {
        LiteralExpression { Value.Kind: DbValueKind.Text } l => $"'{l.Value.AsText}'",
        LiteralExpression l => l.Value.ToString(),
        ColumnExpression c => c.Table is null ? c.Name : $"{c.Table}.{c.Name}",
        ParameterExpression p => p.Name is null ? "?" : ":" + p.Name,
        UnaryExpression u => $"({(u.Operator == UnaryOperator.Not ? "NOT " : u.Operator == UnaryOperator.Negate ? "-" : "+")}{Render(u.Operand)})",
        BinaryExpression b => $"({Render(b.Left)} {BinaryNode.Symbol(b.Operator)} {Render(b.Right)})",
        FunctionCallExpression f => $"{f.Name}({(f.Star ? "*" : (f.Distinct ? "DISTINCT " : "") + string.Join(", ", f.Arguments.Select(Render)))})",
        IsNullExpression n => $"({Render(n.Operand)} IS {(n.Negated ? "NOT " : "")}NULL)",
        BetweenExpression b => $"({Render(b.Operand)} {(b.Negated ? "NOT " : "")}BETWEEN {Render(b.Low)} AND {Render(b.High)})",
        InListExpression i => $"({Render(i.Operand)} {(i.Negated ? "NOT " : "")}IN ({string.Join(", ", i.Items.Select(Render))}))",
        LikeExpression l => $"({Render(l.Operand)} {(l.Negated ? "NOT " : "")}LIKE {Render(l.Pattern)})",
        MatchExpression m => $"({Render(m.Operand)} MATCH {Render(m.Query)})",
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };
}
