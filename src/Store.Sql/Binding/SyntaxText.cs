using System.Text;
using Store.Core.Values;
using Store.Sql.Expressions;
using Store.Sql.Syntax;

namespace Store.Sql.Binding;

/// <summary>
/// Canonical text of a syntax expression: the name of an unaliased result column, and the key
/// that matches a select-list or ORDER BY expression to a GROUP BY one (positions ignored).
/// The format is defined once, in <see cref="WriteTo"/>; <see cref="SyntaxTextHashes"/> hashes
/// the same text without building it.
/// </summary>
internal static class SyntaxText
{
    public static string Of(Expression expression)
    {
        var builder = new Builder();
        WriteTo(expression, builder);
        return builder.ToString();
    }

    /// <summary>Writes one node's text: its own fragments, and its children where they go (a sink decides how a child is written).</summary>
    public static void WriteTo(Expression expression, ISyntaxTextSink sink)
    {
        switch (expression)
        {
            case LiteralExpression l when l.Value.Kind == DbValueKind.Text:
                sink.Write("'").Write(l.Value.AsText.Replace("'", "''", StringComparison.Ordinal)).Write("'");
                break;
            case LiteralExpression l:
                sink.Write(ValueText.Format(l.Value));
                break;
            case ColumnExpression c:
                (c.Table is null ? sink : sink.Write(c.Table).Write(".")).Write(c.Name);
                break;
            case ParameterExpression p:
                sink.Write(p.Name is null ? "?" : ":" + p.Name);
                break;
            case UnaryExpression u:
                sink.Write(u.Operator switch { UnaryOperator.Not => "NOT ", UnaryOperator.Negate => "-", _ => "+" }).Write(u.Operand);
                break;
            case BinaryExpression b:
                WriteOperand(b.Left, sink).Write(" ").Write(BinaryNode.Symbol(b.Operator)).Write(" ");
                WriteOperand(b.Right, sink);
                break;
            case FunctionCallExpression f when f.Star:
                sink.Write(f.Name).Write("(*)");
                break;
            case FunctionCallExpression f:
                sink.Write(f.Name).Write(f.Distinct ? "(DISTINCT " : "(");
                WriteList(f.Arguments, sink).Write(")");
                break;
            case IsNullExpression n:
                sink.Write(n.Operand).Write(n.Negated ? " IS NOT NULL" : " IS NULL");
                break;
            case BetweenExpression b:
                sink.Write(b.Operand).Write(b.Negated ? " NOT BETWEEN " : " BETWEEN ").Write(b.Low).Write(" AND ").Write(b.High);
                break;
            case InListExpression i:
                sink.Write(i.Operand).Write(i.Negated ? " NOT IN (" : " IN (");
                WriteList(i.Items, sink).Write(")");
                break;
            case LikeExpression l:
                sink.Write(l.Operand).Write(l.Negated ? " NOT LIKE " : " LIKE ").Write(l.Pattern);
                break;
            case MatchExpression m:
                sink.Write(m.Operand).Write(" MATCH ").Write(m.Query);
                break;
            case CaseExpression c:
                WriteCase(c, sink);
                break;
            case CastExpression c:
                sink.Write("CAST(").Write(c.Operand).Write(" AS ").Write(c.TypeName).Write(c.Dimensions is { } d ? $"({d})" : "").Write(")");
                break;
            default:
                sink.Write(expression.GetType().Name);
                break;
        }
    }

    /// <summary>A nested binary expression in parentheses, so that different trees never print alike.</summary>
    private static ISyntaxTextSink WriteOperand(Expression operand, ISyntaxTextSink sink) =>
        operand is BinaryExpression ? sink.Write("(").Write(operand).Write(")") : sink.Write(operand);

    private static ISyntaxTextSink WriteList(IReadOnlyList<Expression> items, ISyntaxTextSink sink)
    {
        for (var i = 0; i < items.Count; i++)
        {
            (i == 0 ? sink : sink.Write(", ")).Write(items[i]);
        }

        return sink;
    }

    private static void WriteCase(CaseExpression c, ISyntaxTextSink sink)
    {
        sink.Write("CASE");
        if (c.Operand is not null)
        {
            sink.Write(" ").Write(c.Operand);
        }

        foreach (var branch in c.Branches)
        {
            sink.Write(" WHEN ").Write(branch.When).Write(" THEN ").Write(branch.Then);
        }

        if (c.Else is not null)
        {
            sink.Write(" ELSE ").Write(c.Else);
        }

        sink.Write(" END");
    }

    /// <summary>Builds the whole text, each child written in place (recursing as deep as the tree).</summary>
    private sealed class Builder : ISyntaxTextSink
    {
        private readonly StringBuilder _text = new();

        public ISyntaxTextSink Write(string fragment)
        {
            _text.Append(fragment);
            return this;
        }

        public ISyntaxTextSink Write(Expression child)
        {
            WriteTo(child, this);
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
