using Store.Sql.Binding;
using Store.Sql.Execution;
using Store.Sql.Expressions;
using Store.Sql.Parsing;

namespace Store.Sql.Tests.Binding;

public class GroupingBinderTests
{
    private static readonly Scope Source = new([new ScopeColumn("t", "a"), new ScopeColumn("t", "b"), new ScopeColumn("t", "x")]);

    [Fact]
    public void TryBind_matches_a_key_written_with_other_spacing_on_another_line()
    {
        var (grouping, outputs) = BindGrouped("SELECT a\n   +\tb, count(*) FROM t GROUP BY a+b");

        var key = Assert.IsType<ColumnNode>(outputs[0]);
        Assert.Equal(0, key.Ordinal);
        Assert.Equal("a + b", key.ToString());
        Assert.Equal(["count(*)"], grouping.Aggregates.Select(a => a.Display));
    }

    [Fact]
    public void TryBind_uses_a_key_inside_a_larger_expression()
    {
        var (grouping, outputs) = BindGrouped("SELECT (a + b) * 2 FROM t GROUP BY a + b");

        var product = Assert.IsType<BinaryNode>(outputs[0]);
        Assert.Equal(0, Assert.IsType<ColumnNode>(product.Left).Ordinal);
        Assert.Empty(grouping.Aggregates);
    }

    [Fact]
    public void TryBind_registers_a_repeated_aggregate_once()
    {
        var (grouping, outputs) = BindGrouped("SELECT sum(x) + sum(x), sum( x ) FROM t GROUP BY a HAVING sum(x) > 1");

        Assert.Equal(["sum(x)"], grouping.Aggregates.Select(a => a.Display));
        var sum = Assert.IsType<BinaryNode>(outputs[0]);
        Assert.All([sum.Left, sum.Right, outputs[1], ((BinaryNode)outputs[2]).Left], s => Assert.Equal(1, Assert.IsType<ColumnNode>(s).Ordinal));
    }

    /// <summary>With base 1 a text's hash is the sum of its characters, so <c>b + a</c> hashes as <c>a + b</c> does: only the text compare tells them apart.</summary>
    [Fact]
    public void TryBind_does_not_match_a_key_whose_hash_collides_but_whose_text_differs()
    {
        const ulong Colliding = 1;
        var hashes = new SyntaxTextHashes(Colliding);
        Assert.Equal(hashes.Of(SqlParser.ParseExpression("a + b")), hashes.Of(SqlParser.ParseExpression("b + a")));

        var (grouping, outputs) = BindGrouped("SELECT b + a, a + b FROM t GROUP BY a + b", Colliding);

        Assert.IsType<BinaryNode>(outputs[0]);
        Assert.Equal(0, Assert.IsType<ColumnNode>(outputs[1]).Ordinal);
        Assert.Equal(["b", "a"], grouping.Aggregates.Select(a => a.Display));
    }

    public static TheoryData<string, Func<int, string>> Shapes => new()
    {
        { "a deep select expression over a plain key", n => $"SELECT {Nots(n)}x FROM t GROUP BY x" },
        { "a deep key", n => $"SELECT count(*) FROM t GROUP BY {Nots(n)}x" },
        { "a deep select expression equal to a deep key", n => $"SELECT {Nots(n)}x FROM t GROUP BY {Nots(n)}x" },
        { "a deep HAVING over an aggregate", n => $"SELECT count(*) FROM t GROUP BY x HAVING {Nots(n)}sum(x)" },
        { "a deep aggregate argument", n => $"SELECT sum({Nots(n)}x) FROM t GROUP BY a" },
        { "a long chain of operators", n => $"SELECT {string.Concat(Enumerable.Repeat("1 + ", n))}x FROM t GROUP BY x" },
        { "a key deep inside a deep expression", n => $"SELECT {Nots(n)}(a + b) FROM t GROUP BY a + b" },
    };

    /// <summary>Counts work rather than timing it: rendering each node's text, as binding once did, makes ten times the depth a hundred times the work.</summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void TryBind_work_grows_linearly_with_nesting(string shape, Func<int, string> sql)
    {
        var shallow = BindGrouped(sql(99)).Grouping.TextWork;
        var deep = BindGrouped(sql(990)).Grouping.TextWork;

        Assert.True(deep <= 12 * shallow, $"{shape}: {shallow} steps at depth 99, {deep} at depth 990");
    }

    private static string Nots(int count) => string.Concat(Enumerable.Repeat("NOT ", count));

    /// <summary>Binds a grouped SELECT's list and HAVING as the planner does, over a source row (a, b, x), on a stack deep enough for any statement.</summary>
    private static (GroupingBinder Grouping, List<BoundExpression> Outputs) BindGrouped(string sql, ulong hashBase = SyntaxTextHashes.DefaultBase)
    {
        var select = SqlParser.ParseSelect(sql);
        return DeepStack.Run(() =>
        {
            var context = new BindingContext(sql, new ParameterTable(select));
            var grouping = new GroupingBinder(Source, context, select.GroupBy, hashBase);
            grouping.BindKeys();
            var binder = new ExpressionBinder(Source, context, grouping);
            var outputs = select.Items.Select(i => binder.Bind(i.Expression!)).ToList();
            if (select.Having is { } having)
            {
                outputs.Add(binder.Bind(having));
            }

            return (grouping, outputs);
        });
    }
}
