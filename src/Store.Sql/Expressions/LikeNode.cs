using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Values;

namespace Store.Sql.Expressions;

/// <summary>
/// <c>x [NOT] LIKE pattern</c> as SQLite matches it: <c>%</c> any run, <c>_</c> one character,
/// ASCII letters without regard to case.
/// </summary>
internal sealed class LikeNode(BoundExpression operand, BoundExpression pattern, bool negated) : BoundExpression
{
    public override bool IsRowIndependent => operand.IsRowIndependent && pattern.IsRowIndependent;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        var value = operand.Evaluate(row, context);
        var like = pattern.Evaluate(row, context);
        if (value.IsNull || like.IsNull)
        {
            return DbValue.Null;
        }

        if (like.Kind != DbValueKind.Text)
        {
            throw StoreErrors.TypeMismatch($"a LIKE pattern must be text, not a {ColumnType.Describe(like)}");
        }

        var text = value.Kind == DbValueKind.Text ? value.AsText : ValueText.Format(value);
        return SqlLogic.From(Matches(text, like.AsText) != negated);
    }

    public override string ToString() => $"{operand} {(negated ? "NOT LIKE" : "LIKE")} {pattern}";

    /// <summary>Greedy matching with one backtrack point per %: linear in practice, never exponential.</summary>
    public static bool Matches(string text, string pattern)
    {
        int t = 0, p = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '%')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && (pattern[p] == '_' || SameLetter(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '%')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool SameLetter(char a, char b) => a == b || (char.IsAscii(a) && char.IsAscii(b) && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
