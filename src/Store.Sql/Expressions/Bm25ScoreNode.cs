using Store.Access.FullText;
using Store.Core.Errors;
using Store.Core.Values;
using Store.Sql.Functions;

namespace Store.Sql.Expressions;

/// <summary>
/// <c>bm25(column, ..., query)</c>: the row's exact BM25 score under the bm25 index on exactly
/// those columns of <paramref name="table"/> (in index order), from the row's values and the
/// index's statistics in the statement's transaction, equal to the score the index's search gives
/// the row. A row with none of the query's terms scores 0; a NULL query gives NULL. The query's
/// weights are read from the index once per statement and query text.
/// </summary>
internal sealed class Bm25ScoreNode(string table, IReadOnlyList<string> columns, IReadOnlyList<int> positions, BoundExpression query) : BoundExpression
{
    public override bool IsRowIndependent => false;

    public override DbValue Evaluate(DbValue[] row, EvaluationContext context)
    {
        if (TextSearch.QueryText(query.Evaluate(row, context)) is not { } text)
        {
            return DbValue.Null;
        }

        var scoring = context.Once((this, text), () =>
        {
            var catalog = context.Catalog ?? throw StoreErrors.NotSupported($"{TextSearch.Method}() outside a query");
            var index = TextSearch.Open(catalog, TextSearch.Find(catalog, table, columns));
            return new Scoring(index, index.Weigh(text));
        });
        return DbValue.FromReal(scoring.Index.Score(scoring.Query, row, positions));
    }

    public override string ToString() => $"{TextSearch.Method}({string.Join(", ", columns)}, {query})";

    private sealed record Scoring(Bm25Index Index, Bm25WeightedQuery Query);
}
